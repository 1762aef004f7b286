//! Properties of `text`: whatever the input, what is shown holds no hazard, and a clipped
//! value stays within its length.

use cellule::text::{clip, is_hazard, visible, visible_multiline};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn visible_text_holds_no_hazard(text in any::<String>()) {
        let shown = visible(&text);
        prop_assert!(!shown.chars().any(is_hazard), "{shown:?}");
        // Showing twice changes nothing more.
        prop_assert_eq!(visible(&shown), shown.clone());
        let lines = visible_multiline(&text);
        prop_assert!(!lines.chars().any(|c| c != '\n' && is_hazard(c)), "{lines:?}");
    }

    #[test]
    fn clip_keeps_at_most_max_characters(text in any::<String>(), max in 0usize..50) {
        let clipped = clip(&text, max);
        let count = clipped.chars().count();
        prop_assert!(count <= max.max(1), "{count} > {max}");
        if text.chars().count() <= max {
            prop_assert_eq!(clipped.as_ref(), text.as_str());
        } else {
            prop_assert!(clipped.ends_with('…'));
        }
    }
}
