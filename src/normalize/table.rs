//! Tables in Markdown ("| Year | Homicides |"): a row states nothing on its own; read with its
//! header, each cell becomes a labelled figure ("Homicides in 2019: 34,690") that the sentence
//! grammar reads as it reads a fact sheet's line.

/// The cells of a table row, trimmed; `None` when the line is no table row.
pub fn cells(line: &str) -> Option<Vec<&str>> {
    // The opening pipe first: most lines asked about are no row and are settled by it.
    let inner = line.trim_start().strip_prefix('|')?.trim_end().strip_suffix('|')?;
    Some(inner.split('|').map(str::trim).collect())
}

/// Is the line a header's separator ("|---|:--:|")?
pub fn is_separator(line: &str) -> bool {
    cells(line).is_some_and(|cells| cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))))
}

fn is_year(cell: &str) -> bool {
    cell.len() == 4 && cell.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A row read with its header, one labelled line per figure: a column of years dates each
/// row ("| 2019 | 34,690 |" under "| Year | Homicides |"); a header of years dates each
/// column ("| Homicides | 34,690 | 36,773 |" under "| | 2019 | 2020 |"); otherwise the first
/// cell names where the row is about ("| Sinaloa | 1,200 |").
pub fn labelled_lines(header: &str, row: &str) -> Vec<String> {
    let (Some(header), Some(row)) = (cells(header), cells(row)) else { return Vec::new() };
    if header.len() != row.len() || row.len() < 2 {
        return Vec::new();
    }
    let year_column = (0..row.len()).find(|&j| is_year(row[j]) && !is_year(header[j]));
    let mut lines = Vec::new();
    for j in 0..row.len() {
        if Some(j) == year_column || row[j].is_empty() || header[j].is_empty() && j > 0 {
            continue;
        }
        let line = match year_column {
            Some(y) => format!("{} in {}: {}", header[j], row[y], row[j]),
            None if j == 0 => continue,
            None if is_year(header[j]) => format!("{} in {}: {}", row[0], header[j], row[j]),
            None => format!("{} in {}: {}", header[j], row[0], row[j]),
        };
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_with_their_header() {
        assert_eq!(labelled_lines("| Year | Homicides | Drug labs |", "| 2019 | 34,690 | 1,200 |"), ["Homicides in 2019: 34,690", "Drug labs in 2019: 1,200"]);
        assert_eq!(labelled_lines("| | 2019 | 2020 |", "| Homicides | 34,690 | 36,773 |"), ["Homicides in 2019: 34,690", "Homicides in 2020: 36,773"]);
        assert_eq!(labelled_lines("| State | Homicides |", "| Guanajuato | 3,000 |"), ["Homicides in Guanajuato: 3,000"]);
        assert!(labelled_lines("| a | b |", "| 1 | 2 | 3 |").is_empty());
        assert!(is_separator("|------|:---:|"));
        assert!(!is_separator("| 2019 | 34,690 |"));
        assert_eq!(cells("not a row"), None);
    }
}
