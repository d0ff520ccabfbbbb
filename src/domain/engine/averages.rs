//! A creator's averages per post from several posts (rows pasted in the Check section, or the
//! posts of the creator's dossier): the shortlist keeps one set of averages per creator, so each
//! field is averaged on its own.

use crate::creator::metrics::PostMetrics;
use crate::creator::record::Creator;
use crate::engine::engagement::Field;

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

/// When the creator's dossier has posts with numbers, its averages become theirs (the posts are
/// the evidence; typed averages would go stale beside them). Returns how many posts were
/// averaged; with none, the typed averages are left alone and `None` is returned.
pub fn derive_from_posts(creator: &mut Creator) -> Option<usize> {
    let counted: Vec<PostMetrics> = creator
        .posts
        .iter()
        .map(|p| p.metrics)
        .filter(|m| Field::ALL.iter().any(|f| f.get(m).is_some()))
        .collect();
    if counted.is_empty() {
        return None;
    }
    creator.metrics = average_posts(&counted);
    Some(counted.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::Post;
    use crate::testing::check_cases;

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
        check_cases(cases, |posts| average_posts(&posts));
    }

    #[test]
    fn posts_with_numbers_replace_the_typed_averages() {
        let typed = post(Some(999.0), Some(99.0), None);
        let dated = |m: PostMetrics| Post {
            metrics: m,
            caption: "x".into(),
            ..Post::default()
        };
        // (posts, averaged count, averages after)
        let cases = [
            // No posts: the averages typed in stay ("averages only").
            (vec![], None, typed),
            // Posts without numbers (a caption, a link) leave them alone too.
            (vec![dated(PostMetrics::default())], None, typed),
            (
                vec![
                    dated(post(Some(100.0), Some(10.0), None)),
                    dated(PostMetrics::default()),
                    dated(post(Some(300.0), Some(30.0), Some(2.0))),
                ],
                Some(2),
                post(Some(200.0), Some(20.0), Some(2.0)),
            ),
        ];
        for (posts, count, want) in cases {
            let mut c = Creator::new("c1".into(), "Ann", 0.0);
            c.metrics = typed;
            c.posts = posts.clone().into();
            assert_eq!(derive_from_posts(&mut c), count, "{posts:?}");
            assert_eq!(c.metrics, want, "{posts:?}");
        }
    }
}
