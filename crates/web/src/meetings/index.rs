//! This node's copy of the search index, kept in step with the store.
//!
//! A search reads the meeting list's version together with the records of
//! the page it shows (see [`find`](super::search::find)). When another node,
//! an import or an edit has moved it past the index's, the index catches up
//! by reading only the meetings that changed, and the search runs again; so
//! no search shows a list older than the store's when it began, on any node.

use std::sync::{Arc, RwLock};

use hearth_domain::meetings::index::SearchIndex;
use hearth_store::Store;

use crate::AppError;

#[derive(Debug, Default)]
pub struct MeetingIndex {
    /// `None` until the first search, or until `serve` has read it.
    current: RwLock<Option<Arc<SearchIndex>>>,
    /// Held while the index is brought up to date, so only one search does
    /// it and the others wait for its result.
    updating: tokio::sync::Mutex<()>,
}

impl MeetingIndex {
    /// The index as it is, read from the store the first time.
    pub async fn current(&self, store: &Store) -> Result<Arc<SearchIndex>, AppError> {
        self.at_least(store, i64::MIN).await
    }

    /// The index, brought up to at least `version` of the meeting list.
    pub async fn at_least(
        &self,
        store: &Store,
        version: i64,
    ) -> Result<Arc<SearchIndex>, AppError> {
        if let Some(index) = self.loaded_at_least(version) {
            return Ok(index);
        }
        // The search that brings it up to date may need a connection while
        // the others wait, so they wait without one.
        store.give_back_lease();
        let _updating = self.updating.lock().await;
        if let Some(index) = self.loaded_at_least(version) {
            return Ok(index);
        }
        let current = self.loaded();
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

    fn loaded(&self) -> Option<Arc<SearchIndex>> {
        self.current
            .read()
            .expect("never poisoned: no code panics holding it")
            .clone()
    }

    fn loaded_at_least(&self, version: i64) -> Option<Arc<SearchIndex>> {
        self.loaded().filter(|index| index.version() >= version)
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
