//! Crisis, domestic-abuse and emergency lines by country, as data, and the rules for showing them: the user's
//! own country first, every number a `tel:` link and every text line an `sms:` link.
//!
//! Only lines whose numbers we are sure of are listed. Everyone else is pointed to the findahelpline.com
//! directory, written out as plain text (Trust Steps fetches nothing and links nowhere outside itself), and to
//! their local emergency number. Why these lines and not more: `docs/decisions/0002-helplines-by-country.md`.

/// What a line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Police, ambulance or fire, for danger right now.
    Emergency,
    /// Emotional crisis, suicidal thoughts, someone to talk to now.
    Crisis,
    /// Someone is hurting, threatening or controlling you.
    DomesticAbuse,
}

impl LineKind {
    /// Every kind, in the order Help shows them.
    pub const ALL: [LineKind; 3] = [LineKind::Emergency, LineKind::Crisis, LineKind::DomesticAbuse];

    /// A short heading for a list of lines of this kind.
    pub fn heading(self) -> &'static str {
        match self {
            LineKind::Emergency => "Emergency number",
            LineKind::Crisis => "Crisis lines",
            LineKind::DomesticAbuse => "Domestic-abuse lines",
        }
    }

    /// A stable name for ids and test hooks.
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Emergency => "emergency",
            LineKind::Crisis => "crisis",
            LineKind::DomesticAbuse => "domestic-abuse",
        }
    }
}

/// A number to send a text message to, with the word to send when the line asks for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLine {
    /// The number as it is usually written ("88788").
    pub number: &'static str,
    /// What to type ("START"), if the line asks for a particular word.
    pub body: Option<&'static str>,
}

/// One line a person can call or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Helpline {
    /// A stable id (for tests and test hooks).
    pub id: &'static str,
    /// What it is for.
    pub kind: LineKind,
    /// The countries it answers, as ISO 3166 codes ("US", "GB"); empty for the worldwide directory.
    pub countries: &'static [&'static str],
    /// Where it answers, as the user reads it ("UK and Ireland").
    pub area: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Who it is for and what happens when you get in touch, in one sentence.
    pub purpose: &'static str,
    /// The number to call, as it is usually written ("1-800-799-7233").
    pub call: Option<&'static str>,
    /// The number to text, if the line takes texts.
    pub text: Option<TextLine>,
    /// When it answers, if we know ("Any time, day or night").
    pub hours: Option<&'static str>,
}

impl Helpline {
    /// True when the line answers in the country with this code.
    pub fn serves(&self, code: &str) -> bool {
        self.countries.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// True for the worldwide directory entry (no number of its own).
    pub fn is_directory(&self) -> bool {
        self.countries.is_empty()
    }

    /// The `tel:` link for its call number, if it has one.
    pub fn tel(&self) -> Option<String> {
        self.call.map(tel_href)
    }

    /// The `sms:` link for its text number (with the word to send), if it takes texts.
    pub fn sms(&self) -> Option<String> {
        self.text.map(|t| sms_href(t.number, t.body))
    }
}

/// A country the user can pick so its lines come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 code, as stored in settings ("GB").
    pub code: &'static str,
    /// Its name in English ("United Kingdom").
    pub name: &'static str,
}

impl Country {
    /// Its name as it reads inside a sentence: "the United Kingdom", "the Netherlands", "Germany".
    pub fn name_in_sentence(&self) -> String {
        match self.code {
            "GB" | "US" | "NL" => format!("the {}", self.name),
            _ => self.name.to_owned(),
        }
    }
}

const ANY_TIME: Option<&str> = Some("Any time, day or night");

/// The 27 member states of the European Union, where 112 reaches the emergency services.
const EU: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// Where anyone not covered by a line of their own is pointed: written out, never fetched or linked.
pub const DIRECTORY: &str = "findahelpline.com";

/// Every line, grouped by kind and, within a kind, in the order shown when no country is chosen.
pub const HELPLINES: [Helpline; 31] = [
    // Emergency numbers.
    Helpline {
        id: "us-ca-911",
        kind: LineKind::Emergency,
        countries: &["US", "CA"],
        area: "United States and Canada",
        name: "Emergency services",
        purpose: "Police, ambulance or fire.",
        call: Some("911"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "gb-999",
        kind: LineKind::Emergency,
        countries: &["GB"],
        area: "United Kingdom",
        name: "Emergency services",
        purpose: "Police, ambulance or fire. 112 works too.",
        call: Some("999"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "eu-112",
        kind: LineKind::Emergency,
        countries: &EU,
        area: "European Union, including Ireland",
        name: "Emergency services",
        purpose: "Police, ambulance or fire, in every EU country. In Ireland, 999 works too.",
        call: Some("112"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "au-000",
        kind: LineKind::Emergency,
        countries: &["AU"],
        area: "Australia",
        name: "Emergency services",
        purpose: "Police, ambulance or fire.",
        call: Some("000"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nz-111",
        kind: LineKind::Emergency,
        countries: &["NZ"],
        area: "New Zealand",
        name: "Emergency services",
        purpose: "Police, ambulance or fire.",
        call: Some("111"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "elsewhere-emergency",
        kind: LineKind::Emergency,
        countries: &[],
        area: "Anywhere else",
        name: "Your local emergency number",
        purpose: "Call your country's emergency number for police, ambulance or fire, or go to the nearest emergency department.",
        call: None,
        text: None,
        hours: None,
    },
    // Crisis lines.
    Helpline {
        id: "us-988",
        kind: LineKind::Crisis,
        countries: &["US"],
        area: "United States",
        name: "988 Suicide & Crisis Lifeline",
        purpose: "Free and confidential support if you are struggling, thinking about suicide, or worried about someone else.",
        call: Some("988"),
        text: Some(TextLine { number: "988", body: None }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "us-crisis-text-line",
        kind: LineKind::Crisis,
        countries: &["US"],
        area: "United States",
        name: "Crisis Text Line",
        purpose: "A trained volunteer answers by text, for any kind of crisis.",
        call: None,
        text: Some(TextLine { number: "741741", body: Some("HOME") }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "ca-988",
        kind: LineKind::Crisis,
        countries: &["CA"],
        area: "Canada",
        name: "9-8-8 Suicide Crisis Helpline",
        purpose: "Free support if you are thinking about suicide or worried about someone, in English or French.",
        call: Some("988"),
        text: Some(TextLine { number: "988", body: None }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "gb-ie-samaritans",
        kind: LineKind::Crisis,
        countries: &["GB", "IE"],
        area: "United Kingdom and Ireland",
        name: "Samaritans",
        purpose: "Someone to talk to about whatever is getting to you, free from any phone.",
        call: Some("116 123"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "gb-shout",
        kind: LineKind::Crisis,
        countries: &["GB"],
        area: "United Kingdom",
        name: "Shout",
        purpose: "Free, confidential support by text from a trained volunteer.",
        call: None,
        text: Some(TextLine { number: "85258", body: Some("SHOUT") }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "au-lifeline",
        kind: LineKind::Crisis,
        countries: &["AU"],
        area: "Australia",
        name: "Lifeline",
        purpose: "Crisis support and suicide prevention, for anyone having a hard time.",
        call: Some("13 11 14"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nz-1737",
        kind: LineKind::Crisis,
        countries: &["NZ"],
        area: "New Zealand",
        name: "1737, Need to talk?",
        purpose: "Free call or text to talk with a trained counsellor.",
        call: Some("1737"),
        text: Some(TextLine { number: "1737", body: None }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "de-telefonseelsorge-1",
        kind: LineKind::Crisis,
        countries: &["DE"],
        area: "Germany",
        name: "TelefonSeelsorge",
        purpose: "Free, anonymous support from a trained listener, whatever is weighing on you.",
        call: Some("0800 111 0 111"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "de-telefonseelsorge-2",
        kind: LineKind::Crisis,
        countries: &["DE"],
        area: "Germany",
        name: "TelefonSeelsorge",
        purpose: "The same free, anonymous line on its second number, if the first is busy.",
        call: Some("0800 111 0 222"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "fr-3114",
        kind: LineKind::Crisis,
        countries: &["FR"],
        area: "France",
        name: "3114, suicide prevention",
        purpose: "Free national line for anyone thinking about suicide, or worried about someone, answered by trained carers.",
        call: Some("3114"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "es-024",
        kind: LineKind::Crisis,
        countries: &["ES"],
        area: "Spain",
        name: "024, suicide line",
        purpose: "Free, confidential line for anyone thinking about suicide, or worried about someone.",
        call: Some("024"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nl-113",
        kind: LineKind::Crisis,
        countries: &["NL"],
        area: "Netherlands",
        name: "113 Zelfmoordpreventie",
        purpose: "Anonymous support if you are thinking about suicide; this number is free.",
        call: Some("0800 0113"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nl-113-short",
        kind: LineKind::Crisis,
        countries: &["NL"],
        area: "Netherlands",
        name: "113 Zelfmoordpreventie",
        purpose: "The same line on its short number (a normal call charge).",
        call: Some("113"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "elsewhere-crisis",
        kind: LineKind::Crisis,
        countries: &[],
        area: "Anywhere else",
        name: "Find a helpline",
        purpose: "For a free, confidential line in your country, type findahelpline.com into your browser. If you are in danger right now, call your local emergency number.",
        call: None,
        text: None,
        hours: None,
    },
    // Domestic-abuse lines.
    Helpline {
        id: "us-ndvh",
        kind: LineKind::DomesticAbuse,
        countries: &["US"],
        area: "United States",
        name: "National Domestic Violence Hotline",
        purpose: "Confidential help if someone is hurting, threatening or controlling you, including planning how to stay safe.",
        call: Some("1-800-799-7233"),
        text: Some(TextLine { number: "88788", body: Some("START") }),
        hours: ANY_TIME,
    },
    Helpline {
        id: "gb-ndah",
        kind: LineKind::DomesticAbuse,
        countries: &["GB"],
        area: "United Kingdom",
        name: "National Domestic Abuse Helpline",
        purpose: "Free, confidential support from Refuge if someone is hurting, threatening or controlling you.",
        call: Some("0808 2000 247"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "ie-womens-aid",
        kind: LineKind::DomesticAbuse,
        countries: &["IE"],
        area: "Ireland",
        name: "Women's Aid National Freephone Helpline",
        purpose: "Free support for women living with abuse from a partner or ex-partner, and for people worried about them.",
        call: Some("1800 341 900"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "au-1800respect",
        kind: LineKind::DomesticAbuse,
        countries: &["AU"],
        area: "Australia",
        name: "1800RESPECT",
        purpose: "Confidential counselling and support for anyone affected by domestic, family or sexual violence.",
        call: Some("1800 737 732"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nz-womens-refuge",
        kind: LineKind::DomesticAbuse,
        countries: &["NZ"],
        area: "New Zealand",
        name: "Women's Refuge crisis line",
        purpose: "Free from any phone: support, safe places to stay and help to plan for your safety.",
        call: Some("0800 733 843"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "de-hilfetelefon",
        kind: LineKind::DomesticAbuse,
        countries: &["DE"],
        area: "Germany",
        name: "Hilfetelefon Gewalt gegen Frauen",
        purpose: "Free, anonymous support for women facing violence, and for the people around them, in many languages.",
        call: Some("116 016"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "fr-3919",
        kind: LineKind::DomesticAbuse,
        countries: &["FR"],
        area: "France",
        name: "3919, Violences Femmes Info",
        purpose: "Free, anonymous line for women facing violence, and for people worried about them.",
        call: Some("3919"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "es-016",
        kind: LineKind::DomesticAbuse,
        countries: &["ES"],
        area: "Spain",
        name: "016, gender violence",
        purpose: "Free, confidential line for anyone facing gender-based violence, and for people worried about them.",
        call: Some("016"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "nl-veilig-thuis",
        kind: LineKind::DomesticAbuse,
        countries: &["NL"],
        area: "Netherlands",
        name: "Veilig Thuis",
        purpose: "Free advice and support if there is violence or abuse at home, for you or someone you know.",
        call: Some("0800 2000"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "it-1522",
        kind: LineKind::DomesticAbuse,
        countries: &["IT"],
        area: "Italy",
        name: "1522, anti-violence and stalking",
        purpose: "Free line for anyone facing violence or stalking, in several languages.",
        call: Some("1522"),
        text: None,
        hours: ANY_TIME,
    },
    Helpline {
        id: "elsewhere-domestic-abuse",
        kind: LineKind::DomesticAbuse,
        countries: &[],
        area: "Anywhere else",
        name: "Find a helpline",
        purpose: "For a domestic-abuse line in your country, type findahelpline.com into your browser. If you are in danger right now, call your local emergency number.",
        call: None,
        text: None,
        hours: None,
    },
];

/// The countries the user can pick, by name. Choosing none (or another country) shows the directory first.
pub const COUNTRIES: [Country; 32] = [
    Country { code: "AU", name: "Australia" },
    Country { code: "AT", name: "Austria" },
    Country { code: "BE", name: "Belgium" },
    Country { code: "BG", name: "Bulgaria" },
    Country { code: "CA", name: "Canada" },
    Country { code: "HR", name: "Croatia" },
    Country { code: "CY", name: "Cyprus" },
    Country { code: "CZ", name: "Czechia" },
    Country { code: "DK", name: "Denmark" },
    Country { code: "EE", name: "Estonia" },
    Country { code: "FI", name: "Finland" },
    Country { code: "FR", name: "France" },
    Country { code: "DE", name: "Germany" },
    Country { code: "GR", name: "Greece" },
    Country { code: "HU", name: "Hungary" },
    Country { code: "IE", name: "Ireland" },
    Country { code: "IT", name: "Italy" },
    Country { code: "LV", name: "Latvia" },
    Country { code: "LT", name: "Lithuania" },
    Country { code: "LU", name: "Luxembourg" },
    Country { code: "MT", name: "Malta" },
    Country { code: "NL", name: "Netherlands" },
    Country { code: "NZ", name: "New Zealand" },
    Country { code: "PL", name: "Poland" },
    Country { code: "PT", name: "Portugal" },
    Country { code: "RO", name: "Romania" },
    Country { code: "SK", name: "Slovakia" },
    Country { code: "SI", name: "Slovenia" },
    Country { code: "ES", name: "Spain" },
    Country { code: "SE", name: "Sweden" },
    Country { code: "GB", name: "United Kingdom" },
    Country { code: "US", name: "United States" },
];

/// The stored value for "a country not in the list": the directory comes first, like an unknown code.
pub const OTHER_COUNTRY: &str = "other";

/// The country with this code (any case), if it is one the user can pick.
pub fn country_by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// The lines of one kind, best first for someone in `country` (a stored code; `None` when not chosen).
///
/// With a country: its own lines, then the "anywhere else" directory, then every other country's lines. A
/// country with no line of this kind (or "other", or a code this version does not know) gets the directory
/// first. With no country chosen: every country's lines in table order, then the directory.
pub fn lines_for(country: Option<&str>, kind: LineKind) -> Vec<&'static Helpline> {
    let of_kind = || HELPLINES.iter().filter(move |l| l.kind == kind);
    let Some(code) = country else {
        return of_kind().filter(|l| !l.is_directory()).chain(of_kind().filter(|l| l.is_directory())).collect();
    };
    let own = of_kind().filter(|l| l.serves(code));
    let directory = of_kind().filter(|l| l.is_directory());
    let others = of_kind().filter(|l| !l.is_directory() && !l.serves(code));
    own.chain(directory).chain(others).collect()
}

/// The lines of one kind, best first: for the `chosen` country as [`lines_for`]; with none chosen, those of
/// `guess` (the country the browser's language points to, see [`country_from_languages`]) first, then every other
/// country's in table order, the directory last. A guess leaves nothing out, since it can be wrong; with no
/// guess either, as [`lines_for`] with `None`.
pub fn lines_best_first(chosen: Option<&str>, guess: Option<&str>, kind: LineKind) -> Vec<&'static Helpline> {
    let mut lines = lines_for(chosen, kind);
    if let (None, Some(code)) = (chosen, guess) {
        // A stable sort keeps the table order inside both groups.
        crate::domain::stable_sort::sort_stable_by_key(&mut lines, |line| line.is_directory() || !line.serves(code));
    }
    lines
}

/// The pickable country named by the browser's languages, for ordering lines before a country is chosen: the
/// region of the first tag that has one the picker knows ("en-GB" gives "GB"; "de", "es-419" and "zh-Hant-TW"
/// give nothing). Never stored: only the user's own choice is.
pub fn country_from_languages<S: AsRef<str>>(tags: &[S]) -> Option<&'static str> {
    tags.iter().find_map(|tag| {
        tag.as_ref()
            .split(['-', '_'])
            .skip(1)
            .take_while(|part| part.len() != 1) // an extension ("-u-…", "-x-…") ends the region's place
            .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            .and_then(country_by_code)
            .map(|country| country.code)
    })
}

/// The lines of one kind that answer in `country`; empty when none is chosen or it has none of its own.
pub fn own_lines(country: Option<&str>, kind: LineKind) -> Vec<&'static Helpline> {
    match country {
        Some(code) => HELPLINES.iter().filter(|l| l.kind == kind && l.serves(code)).collect(),
        None => Vec::new(),
    }
}

/// Where a line answers, as shown to someone in `country` (a stored code or `None`): the user's own country's
/// name for a line that answers there (so 112 reads "Germany" to a German user, not the whole EU), "For
/// <country>" on the directory when the user chose a country the table has no line of this kind for ("For your
/// country" for "other" or an unknown code), and the table's own wording otherwise.
pub fn area_for(line: &Helpline, country: Option<&str>) -> String {
    let Some(code) = country else { return line.area.to_owned() };
    let name = country_by_code(code).map(|c| c.name);
    if line.is_directory() {
        return match name {
            Some(name) => format!("For {name}"),
            None => "For your country".to_owned(),
        };
    }
    match name {
        Some(name) if line.serves(code) => name.to_owned(),
        _ => line.area.to_owned(),
    }
}

/// The emergency line for `country`, if it has one in the table.
pub fn emergency_for(country: Option<&str>) -> Option<&'static Helpline> {
    own_lines(country, LineKind::Emergency).into_iter().next()
}

/// Keeps the characters a phone dials: digits, and a `+` only at the start.
fn dial_digits(number: &str) -> String {
    let trimmed = number.trim_start();
    let plus = if trimmed.starts_with('+') { "+" } else { "" };
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

/// A `tel:` link for a number as written ("1-800-799-7233" → `tel:18007997233`): digits and a leading `+`.
pub fn tel_href(number: &str) -> String {
    format!("tel:{}", dial_digits(number))
}

/// An `sms:` link (RFC 5724) for a number and, when the line asks for one, the word to send
/// (`sms:88788?body=START`). The body is percent-encoded; the number keeps digits and a leading `+`.
pub fn sms_href(number: &str, body: Option<&str>) -> String {
    let number = dial_digits(number);
    match body.filter(|b| !b.is_empty()) {
        Some(body) => format!("sms:{number}?body={}", percent_encode(body)),
        None => format!("sms:{number}"),
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// How to reach a line, in words, for a printed or written-out plan ("Call 988 or text 988").
pub fn how_to_reach(line: &Helpline) -> String {
    let text = line.text.map(|t| match t.body {
        Some(body) => format!("text {body} to {}", t.number),
        None => format!("text {}", t.number),
    });
    match (line.call, text) {
        (Some(call), Some(text)) => format!("call {call} or {text}"),
        (Some(call), None) => format!("call {call}"),
        (None, Some(text)) => text,
        (None, None) => format!("look up {DIRECTORY}"),
    }
}
