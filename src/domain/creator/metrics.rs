//! The numbers of a post (or averages per post) as the user enters them; shared by the engine,
//! the shortlist and the risk rules.

use crate::text::sparse::sparse_record;

sparse_record! {
    /// Interactions and views of one post, or averages over recent posts. `None` means "not
    /// entered", which is different from zero (a YouTube dislike count is usually unknown, not
    /// zero).
    #[derive(Copy)]
    pub struct PostMetrics {
        pub views: Option<f64>,
        pub likes: Option<f64>,
        pub comments: Option<f64>,
        pub shares: Option<f64>,
        pub dislikes: Option<f64>,
        pub saves: Option<f64>,
        /// From the creator's insights (a screenshot they share): times the post was shown.
        /// Optional because only the creator can see it; the by-impressions formula needs it.
        pub impressions: Option<f64>,
        /// From the creator's insights: accounts that saw the post. The by-reach formula needs
        /// it.
        pub reach: Option<f64>,
    }
}

#[cfg(any(test, feature = "testing"))]
impl PostMetrics {
    /// Views, likes, comments and shares, the rest not known: the posts most tests need.
    pub fn counts(views: f64, likes: f64, comments: f64, shares: f64) -> PostMetrics {
        PostMetrics {
            views: Some(views),
            likes: Some(likes),
            comments: Some(comments),
            shares: Some(shares),
            ..PostMetrics::default()
        }
    }
}
