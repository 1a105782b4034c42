//! This node's copy of the search index, kept in step with the store.
//!
//! Every search first asks the store for the meeting list's version (one
//! small query, like `/healthz`'s). When another node, an import or an edit
//! has moved it, the index is brought up to date before the search runs, by
//! reading only the meetings that changed; so a search never shows a list
//! older than the one it found in the store, on any node.

use std::sync::{Arc, RwLock};

use hearth_domain::meetings::index::SearchIndex;
use hearth_store::Store;

use crate::AppError;

#[derive(Debug, Default)]
pub struct MeetingIndex {
    /// `None` until the first search (or [`MeetingIndex::fresh`] at start).
    current: RwLock<Option<Arc<SearchIndex>>>,
    /// Held while the index is brought up to date, so only one search does
    /// it and the others wait for its result.
    updating: tokio::sync::Mutex<()>,
}

impl MeetingIndex {
    /// The index as of the store's current meeting list.
    pub async fn fresh(&self, store: &Store) -> Result<Arc<SearchIndex>, AppError> {
        let version = store.meeting_list_version().await?;
        if let Some(index) = self.at_least(version) {
            return Ok(index);
        }
        let _updating = self.updating.lock().await;
        if let Some(index) = self.at_least(version) {
            return Ok(index);
        }
        let current = self.current();
        let started = std::time::Instant::now();
        let next = match &current {
            None => {
                let mut builder = SearchIndex::builder();
                let version = store.meeting_listings(|l| builder.add(l)).await?;
                finish(move || builder.finish(version)).await?
            }
            Some(current) => {
                let since = current.version();
                let changed = store.changed_meetings(since).await?;
                let mut builder = current.updating(&changed.keys);
                (store.changed_meeting_listings(since, changed.version, |l| builder.add(l)))
                    .await?;
                finish(move || builder.finish(changed.version)).await?
            }
        };
        tracing::info!(
            meetings = next.len(),
            version = next.version(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "search index brought up to date"
        );
        *self
            .current
            .write()
            .expect("never poisoned: no code panics holding it") = Some(next.clone());
        Ok(next)
    }

    fn current(&self) -> Option<Arc<SearchIndex>> {
        self.current
            .read()
            .expect("never poisoned: no code panics holding it")
            .clone()
    }

    fn at_least(&self, version: i64) -> Option<Arc<SearchIndex>> {
        self.current().filter(|index| index.version() >= version)
    }
}

/// Sorting a large index takes a while: off the request threads.
async fn finish(
    work: impl FnOnce() -> SearchIndex + Send + 'static,
) -> Result<Arc<SearchIndex>, AppError> {
    let index = tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| AppError::internal(error.to_string()))?;
    Ok(Arc::new(index))
}
