//! What the system and the YAML parser say, in French: their English is never shown in
//! French output.

/// The system's English (what `std::io::Error` says) in French: the usual errors of a
/// shared folder by name, any other by its number. A text with none is kept as it is.
pub fn french_os(detail: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("No space left on device", "plus de place sur le disque"),
        ("Disk quota exceeded", "quota de disque dépassé"),
        ("Permission denied", "permission refusée"),
        ("Operation not permitted", "opération non permise"),
        (
            "Read-only file system",
            "système de fichiers en lecture seule",
        ),
        (
            "No such file or directory",
            "fichier ou dossier introuvable",
        ),
        ("Is a directory", "c'est un dossier"),
        ("Not a directory", "ce n'est pas un dossier"),
        ("File exists", "le fichier existe déjà"),
        (
            "Too many levels of symbolic links",
            "lien symbolique refusé",
        ),
        (
            "Input/output error",
            "erreur d'entrée-sortie du disque ou du partage",
        ),
        (
            "Stale file handle",
            "partage réseau déconnecté (fichier périmé)",
        ),
        ("Device or resource busy", "fichier ou périphérique occupé"),
        ("File name too long", "nom de fichier trop long"),
        (
            "Resource temporarily unavailable",
            "ressource momentanément indisponible",
        ),
        ("Too many open files", "trop de fichiers ouverts"),
        (
            "Invalid cross-device link",
            "déplacement impossible entre deux disques",
        ),
        ("No such device or address", "périphérique introuvable"),
        ("File too large", "fichier trop volumineux"),
        ("Text file busy", "fichier occupé"),
        ("Connection timed out", "délai de connexion dépassé"),
        ("Broken pipe", "tube rompu"),
    ];
    let mut text = detail.to_string();
    let mut known = false;
    for (en, fr) in KNOWN {
        if text.contains(en) {
            text = text.replace(en, fr);
            known = true;
        }
    }
    // `… (os error 28)`: the number stays, in French.
    if let Some(i) = text.find("(os error ") {
        let code: String = text[i + "(os error ".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let end = i + "(os error ".len() + code.len() + 1;
        let head = text[..i].trim_end().to_string();
        let tail = text.get(end..).unwrap_or("").to_string();
        text = if known {
            format!("{head} (erreur {code}){tail}")
        } else {
            format!("erreur du système n° {code}{tail}")
        };
    }
    text
}

/// The YAML parser speaks English; the commonest of its sentences get a French explanation.
pub fn french_syntax(detail: &str) -> String {
    // The parser's usual messages, most precise first; its English is never shown in French.
    const KNOWN: &[(&str, &str)] = &[
        (
            "did not find expected key",
            "clé attendue introuvable (vérifiez l'indentation)",
        ),
        (
            "mapping values are not allowed in this context",
            "« : » inattendu (une valeur qui contient « : » doit être entre guillemets)",
        ),
        (
            "mapping keys are not allowed in this context",
            "clé inattendue à cet endroit (vérifiez l'indentation)",
        ),
        (
            "block sequence entries are not allowed in this context",
            "« - » inattendu à cet endroit (vérifiez l'indentation de la liste)",
        ),
        (
            "tab",
            "tabulation interdite ici (indentez avec des espaces)",
        ),
        (
            "found character that cannot start any token",
            "caractère qui ne peut pas commencer une valeur (une tabulation ? utilisez des espaces)",
        ),
        (
            "did not find expected '-' indicator",
            "« - » attendu (vérifiez l'indentation de la liste)",
        ),
        (
            "expected ',' or ']'",
            "« , » ou « ] » attendu (un crochet n'est pas fermé ?)",
        ),
        (
            "expected ',' or '}'",
            "« , » ou « } » attendu (une accolade n'est pas fermée ?)",
        ),
        ("could not find expected ':'", "« : » attendu après la clé"),
        ("simple key expect", "« : » attendu après la clé"),
        (
            "unexpected end of stream",
            "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        ),
        (
            "unexpected eof",
            "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        ),
        ("undefined alias", "alias non défini"),
        ("unknown anchor", "alias non défini"),
        ("duplicated anchor", "ancre définie deux fois"),
        (
            "did not find expected node content",
            "valeur attendue introuvable",
        ),
        (
            "unknown escape character",
            "séquence d'échappement inconnue entre guillemets",
        ),
        (
            "escape code",
            "séquence d'échappement \\u invalide entre guillemets",
        ),
        (
            "hexadecimal number",
            "séquence d'échappement \\u invalide entre guillemets",
        ),
        (
            "control characters are not allowed",
            "caractères de contrôle interdits",
        ),
        ("unprintable character", "caractères de contrôle interdits"),
        ("UTF-8", "octet UTF-8 invalide"),
        (
            "after double-quoted scalar",
            "texte après le guillemet fermant",
        ),
        ("misplaced bracket", "crochet mal placé"),
        ("invalid indentation", "indentation incorrecte"),
        (
            "more than one document",
            "plusieurs documents dans un même fichier (retirez les lignes « --- » en trop)",
        ),
        ("block scalar", "bloc de texte « | » ou « > » mal écrit"),
        ("directive", "directive YAML (« % ») invalide"),
        (
            "anchor or alias",
            "nom d'ancre (« & ») ou d'alias (« * ») invalide",
        ),
        ("tag", "étiquette YAML (« ! ») invalide"),
        (
            "document",
            "marque de document (« --- » ou « ... ») mal placée",
        ),
        ("whitespace", "espace attendue"),
    ];
    for (en, fr) in KNOWN {
        if detail.contains(en) {
            return (*fr).to_string();
        }
    }
    "syntaxe incorrecte à cet endroit".to_string()
}
