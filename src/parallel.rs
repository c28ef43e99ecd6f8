//! Work spread over scoped threads, with results in input order: how every stage keeps its
//! output byte-identical whatever `--jobs` is.

/// Maps `items` through `f` on up to `jobs` threads, each taking one contiguous run of items;
/// the results come back in the items' order.
pub fn map_in_order<T: Send, R: Send>(items: Vec<T>, jobs: usize, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let jobs = jobs.max(1).min(items.len().max(1));
    if jobs == 1 {
        return items.into_iter().map(f).collect();
    }
    let per_job = items.len().div_ceil(jobs);
    let mut runs = Vec::with_capacity(jobs);
    let mut rest = items;
    while rest.len() > per_job {
        let tail = rest.split_off(per_job);
        runs.push(std::mem::replace(&mut rest, tail));
    }
    runs.push(rest);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs.into_iter().map(|run| scope.spawn(move || run.into_iter().map(f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("a worker thread panicked")).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::map_in_order;

    #[test]
    fn results_keep_the_input_order_for_any_number_of_jobs() {
        let squares: Vec<u64> = (0..103).map(|n| n * n).collect();
        for jobs in [0, 1, 2, 3, 8, 200] {
            assert_eq!(map_in_order((0..103u64).collect(), jobs, |n| n * n), squares, "jobs = {jobs}");
        }
        assert!(map_in_order(Vec::<u8>::new(), 4, |n| n).is_empty());
    }
}
