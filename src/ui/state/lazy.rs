//! A store created on first use instead of at startup: `App` provides the empty handle, and the
//! first section that asks creates the store under `App`'s reactive owner. Like a store `App`
//! loads itself, it then lives as long as the page (its listeners follow other tabs and save on
//! pagehide whichever section is open) and every later visit shares it; but a first screen that
//! never needs it neither reads its storage nor builds it before the first paint.

use leptos::prelude::*;

/// Context handle to a store of type `T`, created the first time [`Lazy::get`] is called.
/// Cheap to clone; every clone shares the one store.
pub struct Lazy<T: Send + Sync + 'static> {
    /// The owner that provided the handle (`App`'s): the store is created under it so it
    /// outlives the section that first asked. Weak: the handle lives in that owner's context.
    owner: Option<WeakOwner>,
    /// A signal, so that an effect following every store (the workspace file) picks the store
    /// up once a section has created it.
    store: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        Lazy {
            owner: self.owner.clone(),
            store: self.store,
        }
    }
}

impl<T: Copy + Send + Sync + 'static> Lazy<T> {
    /// An empty handle owned by the current reactive owner (none: the store is created under
    /// whichever owner is current at first use).
    pub fn new() -> Lazy<T> {
        Lazy {
            owner: Owner::current().map(|o| o.downgrade()),
            store: RwSignal::new(None),
        }
    }

    /// The store, created by `create` under the handle's owner on the first call. `create` runs
    /// untracked, so that a section's reactive scope that asks first does not subscribe to it.
    pub fn get(&self, create: fn() -> T) -> T {
        if let Some(Some(store)) = self.store.try_get_untracked() {
            return store;
        }
        let store = match self.owner.as_ref().and_then(WeakOwner::upgrade) {
            Some(owner) => owner.with(|| untrack(create)),
            None => untrack(create),
        };
        // Gone only if the owner was cleaned up: then nothing is left to share it with.
        let _ = self.store.try_set(Some(store));
        store
    }

    /// The store if a section has created it, tracked: an effect that reads this re-runs when
    /// it appears. Never creates it.
    pub fn created(&self) -> Option<T> {
        self.store.try_get().flatten()
    }
}

impl<T: Copy + Send + Sync + 'static> Default for Lazy<T> {
    fn default() -> Self {
        Lazy::new()
    }
}
