//! A member's own goals and the steps toward each.

use std::collections::HashMap;

use hearth_domain::recovery::{
    GoalError, GoalState, GoalTitle, StepProgress, StepText, can_add_step,
};
use jiff::Timestamp;

use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalId(pub i64);

/// The database id of a goal's step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalStepId(pub i64);

/// One step toward a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalStep {
    pub id: GoalStepId,
    pub text: String,
    pub done: bool,
}

/// A goal as its member sees it, with its steps in the order added.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
    pub state: GoalState,
    pub steps: Vec<GoalStep>,
    pub created_at: Timestamp,
    /// The last change to the goal or any of its steps.
    pub updated_at: Timestamp,
}

impl Goal {
    pub fn progress(&self) -> StepProgress {
        StepProgress::of(self.steps.iter().map(|step| step.done))
    }
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    title: String,
    state: String,
    created_at: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct StepRow {
    goal_id: i64,
    id: i64,
    text: String,
    done: bool,
}

/// Puts each goal's steps with it. A goal whose state this version cannot
/// read is left out, rather than failing the member's whole page.
fn assemble(goals: Vec<GoalRow>, steps: Vec<StepRow>) -> Vec<Goal> {
    let mut steps_of: HashMap<i64, Vec<GoalStep>> = HashMap::new();
    for step in steps {
        steps_of.entry(step.goal_id).or_default().push(GoalStep {
            id: GoalStepId(step.id),
            text: step.text,
            done: step.done,
        });
    }
    (goals.into_iter())
        .filter_map(|row| {
            Some(Goal {
                id: GoalId(row.id),
                title: row.title,
                state: row.state.parse().ok()?,
                steps: steps_of.remove(&row.id).unwrap_or_default(),
                created_at: from_seconds(row.created_at),
                updated_at: from_seconds(row.updated_at),
            })
        })
        .collect()
}

/// Marks one of the member's goals changed, inside the transaction `$tx`;
/// `false` when the member has no such goal. A macro, not a function,
/// because the transaction's type differs per engine.
macro_rules! touch_goal {
    ($tx:expr, $account:expr, $goal:expr, $now:expr) => {
        sqlx::query("UPDATE recovery_goals SET updated_at = $3 WHERE id = $1 AND account_id = $2")
            .bind($goal.0)
            .bind($account.0)
            .bind($now)
            .execute(&mut *$tx)
            .await?
            .rows_affected()
            == 1
    };
}

/// Runs `$sql` on one step of one of the member's goals, binding `$values`
/// (the step's and the goal's ids first), in a transaction that marks the
/// goal changed: not found unless both the goal and that step of it are.
macro_rules! change_goal_step {
    ($store:expr, $account:expr, $goal:expr, $now:expr, $sql:expr $(, $value:expr)* $(,)?) => {{
        let now = to_seconds($now);
        let outcome: Result<(), StoreError> = on_pool!($store, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !touch_goal!(tx, $account, $goal, now) {
                tx.rollback().await?;
                return Ok(Err(StoreError::NotFound(Entity::Goal)));
            }
            let changed = sqlx::query($sql)
                $(.bind($value))*
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if changed != 1 {
                tx.rollback().await?;
                return Ok(Err(StoreError::NotFound(Entity::GoalStep)));
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(()))
        }
        .await)?;
        outcome
    }};
}

impl Store {
    /// Sets a goal for `account`, with the steps it starts with, in one
    /// transaction.
    pub async fn create_goal(
        &self,
        account: AccountId,
        title: &GoalTitle,
        steps: &[StepText],
        now: Timestamp,
    ) -> Result<GoalId, StoreError> {
        let now = to_seconds(now);
        let id = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO recovery_goals (account_id, title, state, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .bind(account.0)
            .bind(title.as_str())
            .bind(GoalState::Active.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for step in steps {
                sqlx::query(
                    "INSERT INTO recovery_goal_steps (goal_id, text, done, created_at)
                     VALUES ($1, $2, FALSE, $3)",
                )
                .bind(id)
                .bind(step.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(id)
        }
        .await)?;
        Ok(GoalId(id))
    }

    /// The member's goals, the latest set first, each with its steps.
    pub async fn goals(&self, account: AccountId) -> Result<Vec<Goal>, StoreError> {
        let goals_sql = "SELECT id, title, state, created_at, updated_at FROM recovery_goals
                         WHERE account_id = $1 ORDER BY id DESC";
        let steps_sql = "SELECT s.goal_id, s.id, s.text, s.done
                         FROM recovery_goal_steps s JOIN recovery_goals g ON g.id = s.goal_id
                         WHERE g.account_id = $1 ORDER BY s.id";
        let (goals, steps): (Vec<GoalRow>, Vec<StepRow>) = on_pool!(self, |pool| async {
            let goals: Vec<GoalRow> = sqlx::query_as(goals_sql)
                .bind(account.0)
                .fetch_all(pool)
                .await?;
            let steps: Vec<StepRow> = sqlx::query_as(steps_sql)
                .bind(account.0)
                .fetch_all(pool)
                .await?;
            Ok::<_, sqlx::Error>((goals, steps))
        }
        .await)?;
        Ok(assemble(goals, steps))
    }

    /// One of the member's goals with its steps; `None` for anyone else's.
    pub async fn goal(&self, account: AccountId, id: GoalId) -> Result<Option<Goal>, StoreError> {
        let goal_sql = "SELECT id, title, state, created_at, updated_at FROM recovery_goals
                        WHERE id = $1 AND account_id = $2";
        let steps_sql = "SELECT s.goal_id, s.id, s.text, s.done
                         FROM recovery_goal_steps s JOIN recovery_goals g ON g.id = s.goal_id
                         WHERE s.goal_id = $1 AND g.account_id = $2 ORDER BY s.id";
        let (goal, steps): (Option<GoalRow>, Vec<StepRow>) = on_pool!(self, |pool| async {
            let goal: Option<GoalRow> = sqlx::query_as(goal_sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(pool)
                .await?;
            let steps: Vec<StepRow> = sqlx::query_as(steps_sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_all(pool)
                .await?;
            Ok::<_, sqlx::Error>((goal, steps))
        }
        .await)?;
        Ok(assemble(goal.into_iter().collect(), steps).pop())
    }

    /// Renames a goal, moves it to another state, or both; what is `None`
    /// stays as it was.
    pub async fn update_goal(
        &self,
        account: AccountId,
        id: GoalId,
        title: Option<&GoalTitle>,
        state: Option<GoalState>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_goals
                   SET title = COALESCE($3, title), state = COALESCE($4, state), updated_at = $5
                   WHERE id = $1 AND account_id = $2";
        change_one_row!(
            self,
            Entity::Goal,
            sql,
            id.0,
            account.0,
            title.map(GoalTitle::as_str),
            state.map(GoalState::as_str),
            to_seconds(now)
        )
    }

    /// Deletes one of the member's goals, with its steps.
    pub async fn delete_goal(&self, account: AccountId, id: GoalId) -> Result<(), StoreError> {
        let sql = "DELETE FROM recovery_goals WHERE id = $1 AND account_id = $2";
        change_one_row!(self, Entity::Goal, sql, id.0, account.0)
    }

    /// Adds a step to the end of one of the member's goals. The inner error,
    /// with nothing added, is [`can_add_step`]'s refusal when the goal has
    /// as many steps as a goal can.
    pub async fn add_goal_step(
        &self,
        account: AccountId,
        goal: GoalId,
        text: &StepText,
        now: Timestamp,
    ) -> Result<Result<GoalStep, GoalError>, StoreError> {
        let now = to_seconds(now);
        let outcome: Result<Result<GoalStep, GoalError>, StoreError> =
            on_pool!(self, |pool| async {
                let mut tx = pool.begin_write().await?;
                // Touching the goal first finds it among the member's, and holds
                // it until the step is in, so two steps sent at once cannot both
                // take the last place.
                if !touch_goal!(tx, account, goal, now) {
                    tx.rollback().await?;
                    return Ok(Err(StoreError::NotFound(Entity::Goal)));
                }
                let steps: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM recovery_goal_steps WHERE goal_id = $1",
                )
                .bind(goal.0)
                .fetch_one(&mut *tx)
                .await?;
                if let Err(full) = can_add_step(usize::try_from(steps).unwrap_or(usize::MAX)) {
                    tx.rollback().await?;
                    return Ok(Ok(Err(full)));
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO recovery_goal_steps (goal_id, text, done, created_at)
                 VALUES ($1, $2, FALSE, $3) RETURNING id",
                )
                .bind(goal.0)
                .bind(text.as_str())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(Ok(Ok(GoalStep {
                    id: GoalStepId(id),
                    text: text.as_str().to_owned(),
                    done: false,
                })))
            }
            .await)?;
        outcome
    }

    /// Rewords a step of one of the member's goals, marks it done or not
    /// done, or both; what is `None` stays as it was.
    pub async fn update_goal_step(
        &self,
        account: AccountId,
        goal: GoalId,
        step: GoalStepId,
        text: Option<&StepText>,
        done: Option<bool>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        change_goal_step!(
            self,
            account,
            goal,
            now,
            "UPDATE recovery_goal_steps
             SET text = COALESCE($3, text), done = COALESCE($4, done)
             WHERE id = $1 AND goal_id = $2",
            step.0,
            goal.0,
            text.map(StepText::as_str),
            done,
        )
    }

    /// Deletes a step of one of the member's goals.
    pub async fn delete_goal_step(
        &self,
        account: AccountId,
        goal: GoalId,
        step: GoalStepId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        change_goal_step!(
            self,
            account,
            goal,
            now,
            "DELETE FROM recovery_goal_steps WHERE id = $1 AND goal_id = $2",
            step.0,
            goal.0,
        )
    }
}
