//! `cellule validate`: the rules of the FIPD annex on the programmes and the cases'
//! financed measures, printed as `path:line:column: message` after the files' own
//! problems. They do not change the exit code: the files are sound, the programme is
//! the cabinet's to arbitrate (docs/fipd.md).

use crate::domain::fipd::check_dept;
use crate::i18n::Lang;
use crate::store::Loaded;
use crate::store::decode_fipd::locate_findings;

/// One line per finding of every loaded département, in file order.
pub fn fund_lines(loaded: &Loaded, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for dept in &loaded.depts {
        let tz = dept.data.department.time_zone();
        let today = chrono::Utc::now().with_timezone(&tz).date_naive();
        let findings = check_dept(&dept.data, today);
        let mut problems = locate_findings(&loaded.root, &dept.folder, &findings);
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        out.extend(problems.iter().map(|p| p.render(lang)));
    }
    out
}
