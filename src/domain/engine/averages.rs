//! A creator's averages per post from several posts (rows pasted in the Check section): the
//! shortlist keeps one set of averages per creator, so each field is averaged on its own.

use crate::domain::creator::metrics::PostMetrics;
use crate::domain::engine::engagement::Field;

/// The average of each field over the posts that have it; a field no post has stays `None`
/// ("not entered", not zero), and a negative or non-finite value counts as not entered
/// ([`Field::get`]).
pub fn average_posts(posts: &[PostMetrics]) -> PostMetrics {
    let mut avg = PostMetrics::default();
    for field in Field::ALL {
        let values: Vec<f64> = posts.iter().filter_map(|p| field.get(p)).collect();
        let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
        field.set(&mut avg, mean);
    }
    avg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(views: Option<f64>, likes: Option<f64>, dislikes: Option<f64>) -> PostMetrics {
        PostMetrics {
            views,
            likes,
            dislikes,
            ..PostMetrics::default()
        }
    }

    #[test]
    fn each_field_is_averaged_over_the_posts_that_have_it() {
        // (posts, expected averages)
        let cases = [
            (vec![], PostMetrics::default()),
            (
                vec![post(Some(100.0), Some(10.0), None)],
                post(Some(100.0), Some(10.0), None),
            ),
            (
                vec![
                    post(Some(100.0), Some(10.0), None),
                    post(Some(300.0), None, None),
                ],
                post(Some(200.0), Some(10.0), None),
            ),
            // A dislike count on one post only: averaged over that post, not diluted.
            (
                vec![
                    post(Some(1_000.0), Some(50.0), Some(4.0)),
                    post(Some(2_000.0), Some(70.0), None),
                ],
                post(Some(1_500.0), Some(60.0), Some(4.0)),
            ),
            // Negative or non-finite values count as not entered.
            (
                vec![
                    post(Some(-5.0), Some(f64::NAN), None),
                    post(Some(50.0), Some(f64::INFINITY), None),
                ],
                post(Some(50.0), None, None),
            ),
        ];
        for (posts, want) in cases {
            assert_eq!(average_posts(&posts), want, "{posts:?}");
        }
    }
}
