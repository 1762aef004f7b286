//! Fuzzy matching for the pickers: the letters of the query in order, case and accents
//! aside; contiguous letters and word starts score higher.

/// Folds case and the common French accents.
pub fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        other => other,
    }
}

/// The score of `query` in `text`, `None` when the letters are not all there in order.
/// An empty query matches everything with score 0.
pub fn score(query: &str, text: &str) -> Option<u32> {
    let query: Vec<char> = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold)
        .collect();
    if query.is_empty() {
        return Some(0);
    }
    let text: Vec<char> = text.chars().map(fold).collect();
    // Greedy from every place the first letter occurs; the best run wins.
    (0..text.len())
        .filter(|&start| text[start] == query[0])
        .filter_map(|start| greedy(&query, &text, start))
        .max()
}

fn greedy(query: &[char], text: &[char], start: usize) -> Option<u32> {
    let mut score = 0u32;
    let mut qi = 0;
    let mut previous: Option<usize> = None;
    for (ti, c) in text.iter().enumerate().skip(start) {
        if qi < query.len() && *c == query[qi] {
            score += 1;
            if previous.is_some_and(|p| p + 1 == ti) {
                score += 3;
            }
            if ti == 0 || !text[ti - 1].is_alphanumeric() {
                score += 2;
            }
            previous = Some(ti);
            qi += 1;
        }
    }
    (qi == query.len()).then_some(score)
}

/// The places of the `labels` that `query` matches, the best first (as the case picker and
/// the palette rank them), then in their order: a list to choose from filtered as you type
/// (the decisions, the export menu…). An empty query keeps them all, in their order.
pub fn keep<S: AsRef<str>>(query: &str, labels: &[S]) -> Vec<usize> {
    let mut scored: Vec<(u32, usize)> = labels
        .iter()
        .enumerate()
        .filter_map(|(i, l)| score(query, l.as_ref()).map(|s| (s, i)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Plain search: every word of `query` is contained in `text` (case and accents aside).
pub fn contains_all(query: &str, text: &str) -> bool {
    let text: String = text.chars().map(fold).collect();
    query
        .split_whitespace()
        .all(|word| text.contains(&word.chars().map(fold).collect::<String>()))
}

/// What the search looks in: label, id, référent, and the full name only while names
/// are shown.
pub fn case_text(case: &crate::domain::Case, hide_names: bool) -> String {
    let mut text = format!("{} {}", case.label, case.id);
    if let Some(r) = &case.referent {
        text.push(' ');
        text.push_str(&r.structure);
        if let Some(p) = &r.person {
            text.push(' ');
            text.push_str(p);
        }
    }
    if let Some(name) = case.name.as_ref().filter(|_| !hide_names) {
        text.push(' ');
        text.push_str(name);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_match() {
        assert!(score("ab", "A.B.").is_some());
        assert!(score("ba", "A.B.").is_none());
        assert!(score("eleve", "Élève").is_some());
        assert_eq!(score("", "x"), Some(0));
    }

    #[test]
    fn contiguous_and_word_start_matches_rank_first() {
        let tight = score("014", "75-2026-014").unwrap();
        let loose = score("014", "75-2026-0_1_4").unwrap();
        assert!(tight > loose);
    }

    #[test]
    fn kept_labels_are_ranked_best_first() {
        let labels = ["Poursuite du suivi", "Renvoi au GED", "Fin du suivi"];
        assert_eq!(keep("", &labels), [0, 1, 2]);
        assert_eq!(keep("suivi", &labels), [0, 2]);
        assert_eq!(keep("ged", &labels), [1]);
        // The best match first: « fin » starts a word of the third.
        assert_eq!(keep("fin", &labels)[0], 2);
        assert!(keep("zzz", &labels).is_empty());
    }

    #[test]
    fn search_words_are_all_required() {
        assert!(contains_all("bern adam", "Adam Bernard"));
        assert!(contains_all("ÉCOLE", "ecole hors contrat"));
        assert!(!contains_all("adam zoe", "Adam Bernard"));
        assert!(contains_all("", "x"));
    }
}
