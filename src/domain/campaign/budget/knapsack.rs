//! The 0/1 knapsack solver: exact branch-and-bound, dynamic programming over price steps when the search runs long, and a proof of how good the plan is.

use crate::engine::engagement::ratio;

/// At most this many budget steps in the dynamic programme: 10,000 steps × 1,000 creators is
/// 10 million cells, about 15 ms natively, and 1.3 MB of decision bits.
pub const MAX_BUCKETS: u64 = 10_000;
/// Cap on cells (steps × creators), so a longer list lowers the step count instead of the time
/// and memory growing: 5,000 creators get 4,000 steps.
pub const MAX_CELLS: u64 = 20_000_000;
/// Nodes the second exact search may visit before settling for the best plan found.
pub const SEARCH_LIMIT: u64 = 100_000;

// ---------------------------------------------------------------------------------------------
// The knapsack.

/// One thing to buy: its cost in cents and what it brings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub cost_cents: u64,
    pub value: f64,
}

/// How the answer was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// Everything worth having fits the budget.
    AllFit,
    /// The exact search finished.
    Search,
    /// Dynamic programming in a step every price is a multiple of.
    Steps,
    /// The best plan found; the search stopped before proving it.
    NearOptimal,
}

/// The chosen items and how sure the answer is.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// One flag per item, in the input order.
    pub chosen: Vec<bool>,
    pub value: f64,
    pub cost_cents: u64,
    /// The value is proven to be the best possible.
    pub exact: bool,
    pub proof: Proof,
    /// The price step of the dynamic programme, in cents.
    pub step_cents: u64,
    /// Steps the budget was cut into (0 when no dynamic programme was needed).
    pub steps: u64,
    /// No plan can bring more than this (the fractional relaxation); equals `value` when exact.
    pub upper_bound: f64,
}

impl Solution {
    /// How far below the best possible the plan can at most be (0.0 to 1.0); `None` when exact.
    pub fn max_gap(&self) -> Option<f64> {
        if self.exact {
            return None;
        }
        ratio((self.upper_bound - self.value).max(0.0), self.upper_bound)
    }
}

pub(super) fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The best set of items whose costs add up to at most `budget_cents`. Items with no positive,
/// finite value are never chosen. Never exceeds the budget.
pub fn knapsack(items: &[Item], budget_cents: u64) -> Solution {
    solve(items, budget_cents, FIRST_SEARCH_LIMIT)
}

/// Nodes the first exact search may visit before the dynamic programme is run. Most shortlists
/// are solved and proven here in well under a millisecond; hard ones (many creators with the
/// same value per dollar) go on to the dynamic programme.
pub const FIRST_SEARCH_LIMIT: u64 = 50_000;

/// [`knapsack`] with the first search's node limit as a parameter (0 skips it), so tests can
/// check each path against brute force.
pub(super) fn solve(items: &[Item], budget_cents: u64, first_search_limit: u64) -> Solution {
    let mut chosen = vec![false; items.len()];
    // Free items are always taken; the rest compete for the budget.
    let mut open: Vec<usize> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if !(it.value.is_finite() && it.value > 0.0) || it.cost_cents > budget_cents {
            continue;
        }
        if it.cost_cents == 0 {
            if let Some(c) = chosen.get_mut(i) {
                *c = true;
            }
        } else {
            open.push(i);
        }
    }
    let cost_of = |i: usize| items.get(i).map_or(0, |it| it.cost_cents);
    let value_of = |i: usize| items.get(i).map_or(0.0, |it| it.value);
    let free_value: f64 = chosen_value(&chosen, items);
    let sorted = sorted_by_density(&open, items);
    let upper_bound = free_value + lp_bound(&sorted, items, budget_cents);
    let finish =
        |mut chosen: Vec<bool>, set: &[usize], proof: Proof, step_cents: u64, steps: u64| {
            let exact = proof != Proof::NearOptimal;
            for &i in set {
                if let Some(c) = chosen.get_mut(i) {
                    *c = true;
                }
            }
            let picked = || {
                chosen
                    .iter()
                    .zip(items)
                    .filter(|(c, _)| **c)
                    .map(|(_, it)| it)
            };
            let value: f64 = picked().fold(0.0, |a, it| a + it.value);
            let cost_cents = picked().fold(0u64, |a, it| a.saturating_add(it.cost_cents));
            Solution {
                value,
                cost_cents,
                exact,
                proof,
                step_cents,
                steps,
                upper_bound: if exact { value } else { upper_bound.max(value) },
                chosen,
            }
        };
    let total: u128 = open.iter().map(|&i| u128::from(cost_of(i))).sum();
    if total <= u128::from(budget_cents) {
        return finish(chosen, &open, Proof::AllFit, 1, 0);
    }

    // 1. Exact search from scratch: its first dive is the greedy plan.
    let (first, proven) = branch_and_bound(&sorted, items, budget_cents, 0.0, first_search_limit);
    let first = first.unwrap_or_default();
    if proven {
        return finish(chosen, &first, Proof::Search, 1, 0);
    }

    // 2. Dynamic programme over budget steps.
    let max_steps = MAX_BUCKETS
        .min(MAX_CELLS / (open.len() as u64).max(1))
        .max(1);
    let g = open.iter().fold(0, |g, &i| gcd(g, cost_of(i))).max(1);
    let (step, exact_dp) = if budget_cents / g <= max_steps {
        (g, true)
    } else {
        (budget_cents.div_ceil(max_steps).max(1), false)
    };
    let capacity = budget_cents / step;
    let weights: Vec<u64> = open.iter().map(|&i| cost_of(i).div_ceil(step)).collect();
    let values: Vec<f64> = open.iter().map(|&i| value_of(i)).collect();
    let from_dp: Vec<usize> = dp(&weights, &values, capacity)
        .iter()
        .zip(&open)
        .filter(|(t, _)| **t)
        .map(|(_, &i)| i)
        .collect();
    if exact_dp {
        return finish(chosen, &from_dp, Proof::Steps, step, capacity);
    }

    // 3. Improve or prove the better of the two plans over the real prices.
    let sum = |set: &[usize]| set.iter().fold(0.0, |a, &i| a + value_of(i));
    let seed = if sum(&from_dp) >= sum(&first) {
        from_dp
    } else {
        first
    };
    let (better, proven) = branch_and_bound(&sorted, items, budget_cents, sum(&seed), SEARCH_LIMIT);
    let proof = if proven {
        Proof::Search
    } else {
        Proof::NearOptimal
    };
    finish(chosen, &better.unwrap_or(seed), proof, step, capacity)
}

/// Value of the items already chosen (the free ones).
pub(super) fn chosen_value(chosen: &[bool], items: &[Item]) -> f64 {
    chosen
        .iter()
        .zip(items)
        .filter(|(c, _)| **c)
        .map(|(_, it)| it.value)
        .fold(0.0, |a, v| a + v)
}

/// Item indices by value per cent, best first (ties: cheaper first, then input order).
pub(super) fn sorted_by_density(open: &[usize], items: &[Item]) -> Vec<usize> {
    let density = |i: usize| {
        items
            .get(i)
            .map_or(0.0, |it| it.value / it.cost_cents.max(1) as f64)
    };
    let mut sorted = open.to_vec();
    sorted.sort_by(|&a, &b| {
        density(b)
            .total_cmp(&density(a))
            .then_with(|| {
                let ca = items.get(a).map(|it| it.cost_cents);
                let cb = items.get(b).map(|it| it.cost_cents);
                ca.cmp(&cb)
            })
            .then_with(|| a.cmp(&b))
    });
    sorted
}

/// The fractional relaxation: fill by value per cent, the last item in part.
pub(super) fn lp_bound(sorted: &[usize], items: &[Item], budget_cents: u64) -> f64 {
    let mut room = budget_cents;
    let mut bound = 0.0;
    for it in sorted.iter().filter_map(|&i| items.get(i)) {
        if it.cost_cents <= room {
            room -= it.cost_cents;
            bound += it.value;
        } else {
            bound += it.value * room as f64 / it.cost_cents as f64;
            break;
        }
    }
    bound
}

/// Dynamic programme over whole steps: `best[c]` is the most value for at most `c` steps.
/// Returns the flags of the plan that reaches the best value with the fewest steps.
pub(super) fn dp(weights: &[u64], values: &[f64], capacity: u64) -> Vec<bool> {
    let n = weights.len();
    let width = capacity as usize + 1;
    // Decision bits, one row of whole words per item: "taking item i improved best[c]".
    let words = width.div_ceil(64);
    let mut best = vec![0.0f64; width];
    let mut keep = vec![0u64; n * words];
    // The row before the current item: reading it instead of `best` keeps the 0/1 rule (each
    // item at most once) while sweeping upwards, in plain loops the compiler can vectorise.
    let mut before = vec![0.0f64; width];
    for ((&w, &v), row) in weights.iter().zip(values).zip(keep.chunks_mut(words)) {
        let w = w as usize;
        if w == 0 || w >= width {
            continue;
        }
        before.copy_from_slice(&best);
        // One decision word (64 cells) at a time.
        let mut c = w;
        while c < width {
            let word_end = ((c / 64 + 1) * 64).min(width);
            let (Some(dst), Some(src), Some(word)) = (
                best.get_mut(c..word_end),
                before.get(c - w..word_end - w),
                row.get_mut(c / 64),
            ) else {
                break;
            };
            let mut bits = 0u64;
            for (bit, (d, s)) in (c % 64..).zip(dst.iter_mut().zip(src)) {
                let with = s + v;
                let take = with > *d;
                *d = if take { with } else { *d };
                bits |= u64::from(take) << bit;
            }
            *word |= bits;
            c = word_end;
        }
    }
    // best[] never decreases with c: start from the fewest steps reaching the top value.
    let top = best.last().copied().unwrap_or(0.0);
    let mut c = best.iter().position(|&b| b >= top).unwrap_or(0);
    let mut chosen = vec![false; n];
    for (i, row) in keep.chunks(words).enumerate().rev() {
        let taken = row
            .get(c / 64)
            .is_some_and(|word| word & (1 << (c % 64)) != 0);
        if taken {
            if let Some(flag) = chosen.get_mut(i) {
                *flag = true;
            }
            c = c.saturating_sub(weights.get(i).copied().unwrap_or(0) as usize);
        }
    }
    chosen
}

/// Depth-first search over `sorted` (by value per cent), taking before skipping, pruning with
/// the fractional bound. Returns a better set than `incumbent` if one exists (original
/// indices), and whether the search finished (so the answer is proven best).
pub(super) fn branch_and_bound(
    sorted: &[usize],
    items: &[Item],
    budget: u64,
    incumbent: f64,
    limit: u64,
) -> (Option<Vec<usize>>, bool) {
    let n = sorted.len();
    let cost: Vec<u64> = sorted
        .iter()
        .map(|&i| items.get(i).map_or(u64::MAX, |it| it.cost_cents))
        .collect();
    let value: Vec<f64> = sorted
        .iter()
        .map(|&i| items.get(i).map_or(0.0, |it| it.value))
        .collect();
    // Prefix sums make each bound a binary search instead of a scan.
    // u128: a long list of large prices can't overflow.
    let mut pre_cost = vec![0u128; n + 1];
    let mut pre_value = vec![0.0f64; n + 1];
    for k in 0..n {
        let (c, v) = (
            cost.get(k).copied().unwrap_or(0),
            value.get(k).copied().unwrap_or(0.0),
        );
        let (pc, pv) = (
            pre_cost.get(k).copied().unwrap_or(0),
            pre_value.get(k).copied().unwrap_or(0.0),
        );
        if let (Some(a), Some(b)) = (pre_cost.get_mut(k + 1), pre_value.get_mut(k + 1)) {
            *a = pc + u128::from(c);
            *b = pv + v;
        }
    }
    let bound_from = |k: usize, room: u64| -> f64 {
        let base_cost = pre_cost.get(k).copied().unwrap_or(0);
        let base_value = pre_value.get(k).copied().unwrap_or(0.0);
        let limit = base_cost + u128::from(room);
        // Last s in k..=n with pre_cost[s] <= limit.
        let s = k + pre_cost
            .get(k..)
            .map_or(0, |tail| tail.partition_point(|&p| p <= limit))
            .saturating_sub(1);
        let whole = pre_value.get(s).copied().unwrap_or(0.0) - base_value;
        let used = pre_cost.get(s).copied().unwrap_or(0) - base_cost;
        let left = u128::from(room).saturating_sub(used);
        let part = match (cost.get(s), value.get(s)) {
            (Some(&c), Some(&v)) if c > 0 => v * left as f64 / c as f64,
            _ => 0.0,
        };
        whole + part
    };
    let tolerance = |best: f64| 1e-9 * best.abs().max(1.0);

    let mut best = incumbent;
    let mut best_set: Option<Vec<bool>> = None;
    // state[k]: 0 not decided, 1 taken, 2 skipped. path_value/path_cost: before depth k.
    let mut state = vec![0u8; n];
    let mut path_value = vec![0.0f64; n + 1];
    let mut path_cost = vec![0u64; n + 1];
    let mut k = 0usize;
    let mut work = 0u64;
    loop {
        work += 1;
        if work > limit {
            let found = best_set.map(|flags| collect(&flags, sorted));
            return (found, false);
        }
        let (v, c) = (
            path_value.get(k).copied().unwrap_or(0.0),
            path_cost.get(k).copied().unwrap_or(0),
        );
        let mut descend = None;
        if k == n {
            if v > best + tolerance(best) {
                best = v;
                best_set = Some(state.iter().map(|&s| s == 1).collect());
            }
        } else {
            let room = budget.saturating_sub(c);
            if v + bound_from(k, room) > best + tolerance(best) {
                let ck = cost.get(k).copied().unwrap_or(u64::MAX);
                descend = Some(ck <= room);
            }
        }
        match descend {
            Some(take) => {
                let (ck, vk) = (
                    cost.get(k).copied().unwrap_or(0),
                    value.get(k).copied().unwrap_or(0.0),
                );
                if let Some(s) = state.get_mut(k) {
                    *s = if take { 1 } else { 2 };
                }
                if let (Some(pv), Some(pc)) = (path_value.get_mut(k + 1), path_cost.get_mut(k + 1))
                {
                    *pv = if take { v + vk } else { v };
                    *pc = if take { c + ck } else { c };
                }
                k += 1;
            }
            None => {
                // Back up to the deepest "taken" decision and try skipping it instead.
                loop {
                    if k == 0 {
                        let found = best_set.map(|flags| collect(&flags, sorted));
                        return (found, true);
                    }
                    k -= 1;
                    if state.get(k) == Some(&1) {
                        if let Some(s) = state.get_mut(k) {
                            *s = 2;
                        }
                        let (pv, pc) = (
                            path_value.get(k).copied().unwrap_or(0.0),
                            path_cost.get(k).copied().unwrap_or(0),
                        );
                        if let (Some(a), Some(b)) =
                            (path_value.get_mut(k + 1), path_cost.get_mut(k + 1))
                        {
                            *a = pv;
                            *b = pc;
                        }
                        k += 1;
                        break;
                    }
                    if let Some(s) = state.get_mut(k) {
                        *s = 0;
                    }
                }
            }
        }
    }
}

pub(super) fn collect(flags: &[bool], sorted: &[usize]) -> Vec<usize> {
    flags
        .iter()
        .zip(sorted)
        .filter(|(f, _)| **f)
        .map(|(_, &i)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn brute_force(items: &[Item], budget: u64) -> f64 {
        let n = items.len();
        let mut best = 0.0f64;
        for mask in 0u32..(1u32 << n) {
            let (mut cost, mut value) = (0u64, 0.0f64);
            for (i, it) in items.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    cost += it.cost_cents;
                    value += it.value.max(0.0);
                }
            }
            if cost <= budget && value > best {
                best = value;
            }
        }
        best
    }

    fn item(cost_dollars: u64, value: f64) -> Item {
        Item {
            cost_cents: cost_dollars * 100,
            value,
        }
    }

    #[test]
    fn knapsack_table() {
        // (items as (dollars, value), budget in dollars, best value)
        type Case = (Vec<(u64, f64)>, u64, f64);
        let cases: Vec<Case> = vec![
            (vec![], 100, 0.0),
            (vec![(10, 5.0)], 0, 0.0),
            (vec![(0, 5.0), (10, 5.0)], 0, 5.0),
            (vec![(200, 9.0), (300, 9.0)], 100, 0.0),
            // Greedy by value per dollar takes 60/10 first and misses the best pair.
            (vec![(10, 60.0), (20, 100.0), (30, 120.0)], 50, 220.0),
            (vec![(5, 10.0), (4, 40.0), (6, 30.0), (3, 50.0)], 10, 90.0),
            (vec![(100, 1.0), (100, 1.0), (100, 1.0)], 250, 2.0),
        ];
        for (raw, budget, want) in cases {
            let items: Vec<Item> = raw.iter().map(|&(c, v)| item(c, v)).collect();
            let s = knapsack(&items, budget * 100);
            assert!((s.value - want).abs() < 1e-9, "{raw:?} {budget}: {s:?}");
            assert!(s.exact);
            assert!(s.cost_cents <= budget * 100);
            assert_eq!(s.value, brute_force(&items, budget * 100));
        }
    }

    #[test]
    fn coarse_steps_never_exceed_the_budget() {
        // Prices with odd cents over a big budget force coarse steps and the exact search.
        let items: Vec<Item> = (0..40u64)
            .map(|i| Item {
                cost_cents: 1_000_003 + i * 7_919,
                value: 1_000.0 + (i * 37 % 101) as f64,
            })
            .collect();
        let budget = 10_000_000_u64;
        let s = knapsack(&items, budget);
        assert!(s.cost_cents <= budget);
        assert!(s.step_cents > 1);
        assert!(s.value <= s.upper_bound + 1e-9);
        let cost: u64 = s
            .chosen
            .iter()
            .zip(&items)
            .filter(|(c, _)| **c)
            .map(|(_, it)| it.cost_cents)
            .sum();
        assert_eq!(cost, s.cost_cents);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::tests::brute_force;
    use super::*;
    use proptest::prelude::*;

    fn items_strategy(max_cost: u64) -> impl Strategy<Value = Vec<Item>> {
        prop::collection::vec(
            (0..=max_cost, prop_oneof![Just(0.0), 0.0f64..1e6])
                .prop_map(|(cost_cents, value)| Item { cost_cents, value }),
            0..=12,
        )
    }

    /// Both paths: the search first (as `knapsack` runs), and the dynamic programme first.
    fn check(items: &[Item], budget: u64) -> Result<(), TestCaseError> {
        let want = brute_force(items, budget);
        for first_search in [FIRST_SEARCH_LIMIT, 0] {
            let s = solve(items, budget, first_search);
            prop_assert!(s.cost_cents <= budget, "over budget: {:?}", s);
            prop_assert!(s.exact, "small cases must be solved exactly: {:?}", s);
            prop_assert!(
                (s.value - want).abs() <= 1e-9 * want.max(1.0),
                "{} vs brute force {} ({first_search})",
                s.value,
                want
            );
            prop_assert!(s.upper_bound + 1e-6 >= s.value);
            let cost: u64 = s
                .chosen
                .iter()
                .zip(items)
                .filter(|(c, _)| **c)
                .map(|(_, it)| it.cost_cents)
                .sum();
            prop_assert_eq!(cost, s.cost_cents);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn equals_brute_force_small_prices(items in items_strategy(50_000), budget in 0u64..200_000) {
            check(&items, budget)?;
        }

        #[test]
        fn equals_brute_force_large_odd_prices(items in items_strategy(5_000_000_000), budget in 0u64..20_000_000_000) {
            // Budgets far above 10,000 steps with prices in odd cents: the coarse path and the
            // exact search.
            check(&items, budget)?;
        }

        #[test]
        fn dp_alone_never_exceeds(weights in prop::collection::vec(1u64..50, 0..30), cap in 0u64..200) {
            let values: Vec<f64> = weights.iter().map(|w| *w as f64 * 1.5).collect();
            let chosen = dp(&weights, &values, cap);
            let used: u64 = chosen.iter().zip(&weights).filter(|(c, _)| **c).map(|(_, w)| *w).sum();
            prop_assert!(used <= cap);
        }
    }
}
