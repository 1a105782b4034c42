//! Place names to positions, offline: what lets a search say `near=Dublin`.
//!
//! [`lookup`] turns what a person types into a [`Place`] with a latitude and
//! a longitude, or into a short list of choices when the name is ambiguous.
//! It reads no file and asks no server: the data is compiled into the binary
//! (about 7 MB of plain text, parsed once, on first use) and refreshed by
//! `scripts/refresh-gazetteer`. It comes from GeoNames (CC BY 4.0), which
//! must be credited wherever Hearth shows it is using it: see
//! `crates/domain/data/PLACES-ATTRIBUTION.md`.
//!
//! # What a query may look like
//!
//! * `City`: "Dublin", "Mexico City";
//! * `City, Region`: "Portland, OR", "Portland, Oregon", "Toronto, ON",
//!   "Perth, WA", "Belfast, Northern Ireland" (a region is its name, or for
//!   US states, Canadian provinces and Australian states its usual
//!   abbreviation);
//! * `City, Country`: "Dublin, Ireland", "Dublin, IE", "Dublin, Irlanda",
//!   "London, UK" (a country is its ISO code, two or three letters, or one
//!   of its English or Spanish names);
//! * `City, Region, Country`: "Portland, OR, US" (every part after the first
//!   must fit, in any order);
//! * without commas, when the whole text is no place's name: "Portland OR",
//!   "Belfast Northern Ireland" (the last one to three words are read as the
//!   region or country);
//! * a US ZIP code, `94103`, or ZIP+4, `94103-1234`.
//!
//! Case, accents, punctuation and extra spaces do not matter ("são paulo",
//! "Sao  Paulo" and "SÃO PAULO" are the same), nor do "Saint"/"St.",
//! "Sainte"/"Ste.", "Mount"/"Mt." and "Fort"/"Ft.". A place whose name ends in
//! "City" is found without it too ("New York" finds New York City). Names
//! are GeoNames' main names, mostly in English or in the local language
//! written in Latin letters: there are no other-language names ("Ciudad de
//! México" is not found; "Mexico City" is).
//!
//! A US `City, State` that is not among the cities (which have 1000 people
//! or more, or are the seat of a county or the like) is looked for among the
//! places that US ZIP codes are named after, at the middle of their ZIP
//! codes.
//!
//! # When a name is ambiguous
//!
//! The places that fit a query are ordered by population, largest first.
//! The first is [`Lookup::Found`] when it is the only one, or when it has
//! more than [`DOMINANCE`] (10) times the people of the second: "Dublin" is
//! Dublin, Ireland (1,024,027 people; the next Dublin, in California, has
//! 57,721), "Paris" is Paris, France, "London" is London, England. Otherwise
//! the result is [`Lookup::Ambiguous`] with at most [`MAX_CHOICES`] places,
//! largest first: "Portland" offers Portland, Oregon (632,309) and Portland,
//! Maine (66,881, less than 10 times fewer), among others, and "Portland,
//! OR" is found. Places whose population GeoNames does not know count as 0.
//! Two places with the same name, region and country would look the same in
//! a list of choices, so only the larger is kept.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How many times more people the largest fitting place must have than the
/// next for a name to count as unambiguous.
pub const DOMINANCE: u64 = 10;

/// The most choices [`Lookup::Ambiguous`] offers.
pub const MAX_CHOICES: usize = 10;

/// The longest query [`lookup`] reads, in bytes (the longest place name has
/// 151).
pub const MAX_QUERY_BYTES: usize = 300;

static CITIES_TSV: &str = include_str!("../../data/places-cities.tsv");
static REGIONS_TSV: &str = include_str!("../../data/places-regions.tsv");
static COUNTRIES_TSV: &str = include_str!("../../data/places-countries.tsv");
static US_ZIPS_TSV: &str = include_str!("../../data/places-us-zips.tsv");

/// A place on the map, as the gazetteer knows it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Place {
    /// Its name, as GeoNames (or the ZIP code list) writes it: "Portland",
    /// "Montréal".
    pub name: &'static str,
    /// The state, province or other first-level division it is in:
    /// "Oregon", "Ontario", "Leinster"; empty when unknown.
    pub region: &'static str,
    /// The region's usual abbreviation where there is one (US states,
    /// Canadian provinces, Australian states: "OR", "ON", "NSW"), otherwise
    /// its GeoNames code ("L" for Leinster); empty when unknown.
    pub region_code: &'static str,
    /// ISO 3166-1 alpha-2: "US", "IE".
    pub country_code: &'static str,
    /// The country's English name: "United States", "Ireland".
    pub country: &'static str,
    /// The ZIP code, when the place was found by one.
    pub postal_code: Option<&'static str>,
    /// Degrees north, WGS 84.
    pub latitude: f64,
    /// Degrees east, WGS 84.
    pub longitude: f64,
    /// How many people live there; 0 when unknown (always for a place found
    /// by ZIP code).
    pub population: u64,
}

impl Place {
    /// How to show the place to a person: "Portland, Oregon, US",
    /// "Dublin, Leinster, Ireland", "Mexico City, Mexico".
    ///
    /// The name, then the region (left out when unknown, when it is the
    /// place's own name, or when the name already has a comma, as in
    /// "Washington, D.C."), then the country: "US" for the United States,
    /// the English name for every other.
    pub fn label(&self) -> String {
        let mut label = String::from(self.name);
        if !self.region.is_empty()
            && !self.name.contains(',')
            && fold(self.region) != fold(self.name)
        {
            label.push_str(", ");
            label.push_str(self.region);
        }
        label.push_str(", ");
        label.push_str(if self.country_code == "US" {
            "US"
        } else {
            self.country
        });
        label
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// What a place name stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// One place, or one far larger than any other of that name.
    Found(Place),
    /// Several places fit, none much larger than the next: the choices to
    /// offer, largest first, at most [`MAX_CHOICES`].
    Ambiguous(Vec<Place>),
    /// No place of that name (or no such ZIP code).
    NotFound,
}

/// Finds the place a person means by `query`; see the [module
/// documentation](self) for what a query may be and when a name is
/// ambiguous.
///
/// The first call parses the embedded data (in an optimised build, about
/// 0.15 s for the cities, or 0.04 s for the ZIP codes on the first ZIP
/// code); each call after that takes a few microseconds. A query longer than
/// [`MAX_QUERY_BYTES`] is no place.
pub fn lookup(query: &str) -> Lookup {
    let query = query.trim();
    if query.len() > MAX_QUERY_BYTES {
        return Lookup::NotFound;
    }
    if let Some(zip) = parse_zip(query) {
        return match ZIPS.find(zip) {
            Some(place) => Lookup::Found(place),
            None => Lookup::NotFound,
        };
    }
    let parts: Vec<String> = query
        .split(',')
        .map(fold)
        .filter(|part| !part.is_empty())
        .collect();
    let Some((name, qualifiers)) = parts.split_first() else {
        return Lookup::NotFound;
    };
    let mut places = search(name, qualifiers);
    if places.is_empty() && qualifiers.is_empty() {
        // "Portland OR", "Belfast Northern Ireland": read the last words as
        // the region or country, the fewest that give an answer.
        let words: Vec<&str> = name.split(' ').collect();
        for split in (words.len().saturating_sub(3).max(1)..words.len()).rev() {
            let qualifier = [words[split..].join(" ")];
            places = search(&words[..split].join(" "), &qualifier);
            if !places.is_empty() {
                break;
            }
        }
    }
    decide(places)
}

/// The places named `name` (already folded) that fit every qualifier, in
/// the order of the ambiguity rule: largest first, look-alikes removed.
fn search(name: &str, qualifiers: &[String]) -> Vec<Place> {
    let tables = &*TABLES;
    let qualifiers: Vec<Qualifier> = qualifiers
        .iter()
        .map(|q| Qualifier::new(tables, q))
        .collect();
    let fits = |country: u16, region: Option<u16>| {
        qualifiers.iter().all(|q| q.fits(tables, country, region))
    };

    let cities = &*CITIES;
    let mut places: Vec<Place> = cities
        .index
        .find(name)
        .map(|id| &cities.cities[id as usize])
        .filter(|city| fits(city.country, city.region))
        .map(|city| city.place(tables))
        .collect();
    if places.is_empty() {
        places = ZIPS.places_named(name, fits);
    }

    // Stable: places of equal population stay in the data's order (cities
    // by name, country and region; ZIP places by how many ZIP codes they
    // have), so the same query always gives the same list.
    places.sort_by_key(|place| std::cmp::Reverse(place.population));
    let mut seen = HashSet::new();
    places.retain(|p| seen.insert((p.name, p.region, p.country_code)));
    places
}

/// The ambiguity rule: see the module documentation.
fn decide(mut places: Vec<Place>) -> Lookup {
    match places.as_slice() {
        [] => Lookup::NotFound,
        [only] => Lookup::Found(*only),
        [first, second, ..] if first.population > DOMINANCE.saturating_mul(second.population) => {
            Lookup::Found(*first)
        }
        _ => {
            places.truncate(MAX_CHOICES);
            Lookup::Ambiguous(places)
        }
    }
}

/// The five-digit ZIP code in "94103", "94103-1234" or "941031234".
fn parse_zip(query: &str) -> Option<u32> {
    let bytes = query.as_bytes();
    let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    let zip = match bytes.len() {
        5 | 9 if digits(bytes) => &query[..5],
        10 if bytes[5] == b'-' && digits(&bytes[..5]) && digits(&bytes[6..]) => &query[..5],
        _ => return None,
    };
    zip.parse().ok()
}

/// The form in which names are compared: lower case, without accents or
/// punctuation, single spaces, and a few abbreviations made one ("Saint"
/// and "St." are both "st").
fn fold(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match c {
            'ø' => flat.push('o'),
            'æ' => flat.push_str("ae"),
            'œ' => flat.push_str("oe"),
            'ß' => flat.push_str("ss"),
            'ł' => flat.push('l'),
            'đ' | 'ð' => flat.push('d'),
            'þ' => flat.push_str("th"),
            'ı' => flat.push('i'),
            'ħ' => flat.push('h'),
            // Gone without a trace: "St. Louis", "Coeur d'Alene", "Hawaiʻi".
            '.' | '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' => {}
            c if c.is_alphanumeric() => flat.push(c),
            _ => flat.push(' '),
        }
    }
    let mut folded = String::with_capacity(flat.len());
    for word in flat.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(match word {
            "saint" => "st",
            "sainte" => "ste",
            "mount" => "mt",
            "fort" => "ft",
            word => word,
        });
    }
    folded
}

/// The keys a place's name is found under: its folded name; the part before
/// a comma ("Washington, D.C." is "Washington" too); without a last word
/// "City" ("New York City" is "New York" too).
fn name_keys(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    if let Some((before, _)) = name.split_once(',') {
        keys.push(fold(before));
    }
    let stems: Vec<String> = keys
        .iter()
        .filter_map(|key| key.strip_suffix(" city").map(str::to_owned))
        .collect();
    keys.extend(stems);
    keys.retain(|key| !key.is_empty());
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A part of a query after the name: a region or a country.
struct Qualifier<'a> {
    folded: &'a str,
    countries: &'a [u16],
}

impl<'a> Qualifier<'a> {
    fn new(tables: &'a Tables, folded: &'a str) -> Qualifier<'a> {
        let countries = tables
            .country_names
            .get(folded)
            .map_or(&[][..], Vec::as_slice);
        Qualifier { folded, countries }
    }

    /// Whether a place in this country and region fits. "CA" fits both
    /// California and Canada, "Georgia" both the state and the country.
    fn fits(&self, tables: &Tables, country: u16, region: Option<u16>) -> bool {
        self.countries.contains(&country)
            || region.is_some_and(|region| {
                let region = &tables.regions[region as usize];
                region.folded == self.folded
                    || (!region.abbreviation.is_empty()
                        && region.abbreviation.eq_ignore_ascii_case(self.folded))
            })
    }
}

/// Countries and regions: small tables that every lookup uses.
struct Tables {
    countries: Vec<Country>,
    /// Folded English and Spanish names and ISO codes, to the countries
    /// they may mean ("congo" means two).
    country_names: HashMap<String, Vec<u16>>,
    regions: Vec<Region>,
    /// (country, GeoNames admin1 code) to region.
    region_codes: HashMap<(u16, &'static str), u16>,
}

struct Country {
    code: &'static str,
    name: &'static str,
}

struct Region {
    code: &'static str,
    abbreviation: &'static str,
    name: &'static str,
    folded: String,
}

impl Tables {
    fn country(&self, code: &str) -> u16 {
        self.countries
            .binary_search_by(|country| country.code.cmp(code))
            .unwrap_or_else(|_| panic!("places data: unknown country {code}")) as u16
    }

    fn region(&self, country: u16, code: &str) -> Option<u16> {
        self.region_codes.get(&(country, code)).copied()
    }

    /// A place from the data's parts.
    fn place(
        &self,
        name: &'static str,
        country: u16,
        region: Option<u16>,
        at: [i32; 2],
        population: u32,
    ) -> Place {
        let country = &self.countries[country as usize];
        let region = region.map(|region| &self.regions[region as usize]);
        Place {
            name,
            region: region.map_or("", |r| r.name),
            region_code: region.map_or("", |r| {
                if r.abbreviation.is_empty() {
                    r.code
                } else {
                    r.abbreviation
                }
            }),
            country_code: country.code,
            country: country.name,
            postal_code: None,
            latitude: f64::from(at[0]) / COORDINATE_SCALE,
            longitude: f64::from(at[1]) / COORDINATE_SCALE,
            population: u64::from(population),
        }
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut countries = Vec::new();
    let mut country_names: HashMap<String, Vec<u16>> = HashMap::new();
    for row in rows(COUNTRIES_TSV, 4) {
        let id = countries.len() as u16;
        countries.push(Country {
            code: row[0],
            name: row[2],
        });
        let names = [row[0], row[1], row[2]]
            .into_iter()
            .chain(row[3].split(';'));
        for name in names {
            let ids = country_names.entry(fold(name)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    assert!(
        countries.windows(2).all(|w| w[0].code < w[1].code),
        "places data: countries out of order"
    );
    let mut tables = Tables {
        countries,
        country_names,
        regions: Vec::new(),
        region_codes: HashMap::new(),
    };
    for row in rows(REGIONS_TSV, 4) {
        let country = tables.country(row[0]);
        let id = tables.regions.len() as u16;
        tables.regions.push(Region {
            code: row[1],
            abbreviation: row[2],
            name: row[3],
            folded: fold(row[3]),
        });
        tables.region_codes.insert((country, row[1]), id);
    }
    tables
});

/// Positions are kept as whole hundred-thousandths of a degree (about a
/// metre), exactly as the data writes them.
const COORDINATE_SCALE: f64 = 100_000.0;

fn coordinate(text: &str) -> i32 {
    let degrees: f64 = text
        .parse()
        .unwrap_or_else(|_| panic!("places data: bad coordinate {text:?}"));
    (degrees * COORDINATE_SCALE).round() as i32
}

/// The data lines of an embedded file, split at tabs; lines starting with
/// `#` are comments.
fn rows(text: &'static str, columns: usize) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(move |line| {
            let row: Vec<&str> = line.split('\t').collect();
            assert_eq!(row.len(), columns, "places data: bad line {line:?}");
            row
        })
}

/// Every city, and an index of them by name.
struct Cities {
    cities: Vec<City>,
    index: NameIndex,
}

/// A city in 24 bytes; its name is a slice of the embedded data.
struct City {
    name_start: u32,
    name_len: u16,
    country: u16,
    region: Option<u16>,
    at: [i32; 2],
    population: u32,
}

impl City {
    fn name(&self) -> &'static str {
        let start = self.name_start as usize;
        &CITIES_TSV[start..start + usize::from(self.name_len)]
    }

    fn place(&self, tables: &Tables) -> Place {
        tables.place(
            self.name(),
            self.country,
            self.region,
            self.at,
            self.population,
        )
    }
}

static CITIES: LazyLock<Cities> = LazyLock::new(|| {
    let tables = &*TABLES;
    let text = CITIES_TSV;
    let cities: Vec<City> = rows(text, 6)
        .map(|row| {
            let country = tables.country(row[1]);
            City {
                // Where the name sits in the embedded text: an offset from
                // the start of the very slice the row was cut from, so it
                // holds in any copy of the text.
                name_start: (row[0].as_ptr() as usize - text.as_ptr() as usize) as u32,
                name_len: row[0].len() as u16,
                country,
                region: tables.region(country, row[2]),
                at: [coordinate(row[3]), coordinate(row[4])],
                population: row[5]
                    .parse()
                    .unwrap_or_else(|_| panic!("places data: bad population in {row:?}")),
            }
        })
        .collect();
    let index = NameIndex::new(cities.iter().map(City::name));
    Cities { cities, index }
});

/// US ZIP codes, and an index of the places they are named after.
struct Zips {
    zips: Vec<Zip>,
    places: NameIndex,
}

struct Zip {
    code: u32,
    text: &'static str,
    at: [i32; 2],
    place: &'static str,
    region: Option<u16>,
}

impl Zips {
    fn find(&self, code: u32) -> Option<Place> {
        let tables = &*TABLES;
        let zip = &self.zips[self.zips.binary_search_by_key(&code, |zip| zip.code).ok()?];
        let mut place = tables.place(zip.place, tables.country("US"), zip.region, zip.at, 0);
        place.postal_code = Some(zip.text);
        Some(place)
    }

    /// The places that ZIP codes are named after, one for each state that
    /// has one of that name and fits, at the middle of its ZIP codes.
    fn places_named(&self, name: &str, fits: impl Fn(u16, Option<u16>) -> bool) -> Vec<Place> {
        let tables = &*TABLES;
        let us = tables.country("US");
        // State -> (first ZIP of the place, sum of positions, count).
        let mut states: Vec<(Option<u16>, usize, [f64; 2], u32)> = Vec::new();
        for id in self.places.find(name) {
            let zip = &self.zips[id as usize];
            if !fits(us, zip.region) {
                continue;
            }
            let at = [f64::from(zip.at[0]), f64::from(zip.at[1])];
            match states.iter_mut().find(|state| state.0 == zip.region) {
                Some(state) => {
                    state.2[0] += at[0];
                    state.2[1] += at[1];
                    state.3 += 1;
                }
                None => states.push((zip.region, id as usize, at, 1)),
            }
        }
        // Most ZIP codes first, as a stand-in for the population.
        states.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)));
        states
            .into_iter()
            .map(|(region, first, sum, count)| {
                let at = sum.map(|total| (total / f64::from(count)).round() as i32);
                tables.place(self.zips[first].place, us, region, at, 0)
            })
            .collect()
    }
}

static ZIPS: LazyLock<Zips> = LazyLock::new(|| {
    let tables = &*TABLES;
    let us = tables.country("US");
    let zips: Vec<Zip> = rows(US_ZIPS_TSV, 5)
        .map(|row| Zip {
            code: row[0]
                .parse()
                .unwrap_or_else(|_| panic!("places data: bad ZIP code in {row:?}")),
            text: row[0],
            at: [coordinate(row[1]), coordinate(row[2])],
            place: row[3],
            region: tables.region(us, row[4]),
        })
        .collect();
    assert!(
        zips.windows(2).all(|w| w[0].code < w[1].code),
        "places data: ZIP codes out of order"
    );
    let places = NameIndex::new(zips.iter().map(|zip| zip.place));
    Zips { zips, places }
});

/// Items by folded name: every key once in one string, and a list of (key,
/// item) sorted by key, searched by bisection. Smaller than a hash map of
/// strings (no allocation per key) and as fast for a lookup (about 17
/// comparisons among 140,000 keys).
struct NameIndex {
    keys: String,
    /// (where the key starts in `keys`, its length, the item).
    entries: Vec<(u32, u16, u32)>,
}

impl NameIndex {
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> NameIndex {
        let mut keys = String::new();
        let mut entries = Vec::new();
        for (item, name) in names.enumerate() {
            for key in name_keys(name) {
                entries.push((keys.len() as u32, key.len() as u16, item as u32));
                keys.push_str(&key);
            }
        }
        let key = |entry: &(u32, u16, u32)| {
            &keys[entry.0 as usize..entry.0 as usize + usize::from(entry.1)]
        };
        entries.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        NameIndex { keys, entries }
    }

    fn key(&self, entry: &(u32, u16, u32)) -> &str {
        &self.keys[entry.0 as usize..entry.0 as usize + usize::from(entry.1)]
    }

    /// The items with this folded name.
    fn find<'s>(&'s self, folded: &'s str) -> impl Iterator<Item = u32> + 's {
        let start = self
            .entries
            .partition_point(|entry| self.key(entry) < folded);
        self.entries[start..]
            .iter()
            .take_while(move |entry| self.key(entry) == folded)
            .map(|entry| entry.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str) -> Place {
        match lookup(query) {
            Lookup::Found(place) => place,
            other => panic!("{query:?}: expected one place, got {other:?}"),
        }
    }

    fn choices(query: &str) -> Vec<Place> {
        match lookup(query) {
            Lookup::Ambiguous(places) => places,
            other => panic!("{query:?}: expected choices, got {other:?}"),
        }
    }

    fn near(place: &Place, latitude: f64, longitude: f64) -> bool {
        crate::geo::distance_km(place.latitude, place.longitude, latitude, longitude) < 25.0
    }

    #[test]
    fn the_data_files_load() {
        assert_eq!(TABLES.countries.len(), 250);
        assert!(TABLES.regions.len() > 3_000);
        assert!(CITIES.cities.len() > 130_000);
        assert!(ZIPS.zips.len() > 40_000);
        // Every city's region was found, but for the few whose GeoNames code
        // has since been retired.
        let without_region = CITIES
            .cities
            .iter()
            .filter(|city| city.region.is_none())
            .count();
        assert!(
            without_region < 1_000,
            "{without_region} cities without a region"
        );
        assert!(ZIPS.zips.iter().all(|zip| zip.region.is_some()));
        assert_eq!(std::mem::size_of::<City>(), 24);
        // Each city's name is where its offset says.
        let names = CITIES_TSV.lines().filter(|line| !line.starts_with('#'));
        assert!(
            names
                .zip(&CITIES.cities)
                .all(|(line, city)| line.split('\t').next() == Some(city.name()))
        );
        assert_eq!(CITIES.cities[0].name(), "'Ali Sabieh");
    }

    #[test]
    fn a_city_and_its_state_abbreviation() {
        let portland = found("Portland, OR");
        assert_eq!(portland.name, "Portland");
        assert_eq!(
            (portland.region, portland.region_code, portland.country_code),
            ("Oregon", "OR", "US")
        );
        assert_eq!(portland.label(), "Portland, Oregon, US");
        assert!(near(&portland, 45.52, -122.68));
        assert!(portland.population > 500_000);
        assert_eq!(portland.postal_code, None);
    }

    #[test]
    fn a_state_name_a_country_and_both() {
        for query in [
            "Portland, Oregon",
            "portland,oregon",
            "Portland, OR, US",
            "Portland, Oregon, USA",
        ] {
            assert_eq!(found(query).label(), "Portland, Oregon, US", "{query}");
        }
        assert_eq!(found("Portland, Maine").region_code, "ME");
        assert_eq!(lookup("Portland, Maine, Ireland"), Lookup::NotFound);
    }

    #[test]
    fn a_bare_name_far_larger_than_the_rest_is_found() {
        let dublin = found("Dublin");
        assert_eq!((dublin.country_code, dublin.country), ("IE", "Ireland"));
        assert_eq!(dublin.label(), "Dublin, Leinster, Ireland");
        assert!(near(&dublin, 53.35, -6.26));
        assert_eq!(found("London").country_code, "GB");
        assert_eq!(found("Paris").country_code, "FR");
    }

    #[test]
    fn a_city_and_its_country() {
        let dublin = found("Dublin, Ireland");
        assert_eq!(dublin.country_code, "IE");
        assert_eq!(found("Dublin, IE"), dublin);
        assert_eq!(found("Dublin, IRL"), dublin);
        // The country in Spanish.
        assert_eq!(found("Dublín, Irlanda"), dublin);
        assert_eq!(found("London, Reino Unido").country_code, "GB");
        let berlin = found("Berlín, Alemania");
        assert_eq!((berlin.name, berlin.country_code), ("Berlin", "DE"));
        // The other Dublins are found by their state.
        assert_eq!(found("Dublin, Ohio").label(), "Dublin, Ohio, US");
        assert_eq!(found("Dublin, CA").region, "California");
        assert_eq!(found("Dublin, Georgia").region_code, "GA");
    }

    #[test]
    fn a_name_without_a_clear_winner_offers_choices_largest_first() {
        let portlands = choices("Portland");
        assert!(portlands.len() > 2 && portlands.len() <= MAX_CHOICES);
        assert_eq!(portlands[0].label(), "Portland, Oregon, US");
        assert_eq!(portlands[1].label(), "Portland, Maine, US");
        assert!(
            portlands
                .windows(2)
                .all(|w| w[0].population >= w[1].population)
        );
        // Less than DOMINANCE times larger, so not found.
        assert!(portlands[0].population <= DOMINANCE * portlands[1].population);

        let springfields = choices("Springfield");
        assert_eq!(springfields.len(), MAX_CHOICES);
        assert!(
            springfields
                .windows(2)
                .all(|w| w[0].population >= w[1].population)
        );
        let labels: HashSet<String> = springfields.iter().map(Place::label).collect();
        assert_eq!(labels.len(), springfields.len(), "choices that look alike");

        // A country narrows the choices, and may leave several.
        assert!(
            choices("Portland, US")
                .iter()
                .all(|place| place.country_code == "US")
        );
    }

    #[test]
    fn us_zip_codes() {
        let mission = found("94103");
        assert_eq!(mission.label(), "San Francisco, California, US");
        assert_eq!(mission.postal_code, Some("94103"));
        assert_eq!(mission.population, 0);
        assert!(near(&mission, 37.77, -122.41));
        assert_eq!(found(" 94103-1234 "), mission);
        assert_eq!(found("941031234"), mission);
        assert_eq!(found("00501").name, "Holtsville");
        assert_eq!(lookup("00000"), Lookup::NotFound);
        assert_eq!(lookup("9410"), Lookup::NotFound);
        assert_eq!(lookup("94103-12"), Lookup::NotFound);
    }

    #[test]
    fn case_accents_punctuation_and_spaces_do_not_matter() {
        let montreal = found("Montréal");
        assert_eq!((montreal.name, montreal.region_code), ("Montréal", "QC"));
        for query in [
            "montreal",
            "MONTREAL",
            "  Montreal ,  Quebec ",
            "Montreal, QC",
            "Montréal, Canadá",
        ] {
            assert_eq!(found(query), montreal, "{query}");
        }
        assert_eq!(found("SAO PAULO").name, "São Paulo");
        assert_eq!(found("zurich").name, "Zürich");
        assert_eq!(found("Saint Louis, MO"), found("St. Louis, Missouri"));
        assert_eq!(found("winston salem").name, "Winston-Salem");
    }

    #[test]
    fn other_ways_people_write_places() {
        let nyc = found("New York, NY");
        assert_eq!(nyc.name, "New York City");
        assert_eq!(found("new york"), nyc);
        assert_eq!(found("Washington, DC").label(), "Washington, D.C., US");
        assert_eq!(found("Mexico City").label(), "Mexico City, Mexico");
        assert_eq!(found("Toronto, ON").label(), "Toronto, Ontario, Canada");
        assert_eq!(found("Toronto, CA").country_code, "CA");
        assert_eq!(found("Sydney, NSW").country_code, "AU");
        assert_eq!(found("Belfast, Northern Ireland").country_code, "GB");
        assert_eq!(found("Tbilisi, Georgia").country_code, "GE");
        // Without commas.
        assert_eq!(found("Portland OR"), found("Portland, OR"));
        assert_eq!(
            found("Belfast Northern Ireland"),
            found("Belfast, Northern Ireland")
        );
    }

    #[test]
    fn a_small_us_place_is_found_by_its_zip_codes() {
        // Kongiganak, Alaska has too few people to be among the cities.
        assert!(CITIES.index.find("kongiganak").next().is_none());
        let kongiganak = found("Kongiganak, AK");
        assert_eq!(kongiganak.label(), "Kongiganak, Alaska, US");
        assert_eq!((kongiganak.population, kongiganak.postal_code), (0, None));
        assert!(near(&kongiganak, 59.96, -162.89));
        assert_eq!(found("kongiganak"), kongiganak);
        assert_eq!(lookup("Kongiganak, Ireland"), Lookup::NotFound);
    }

    #[test]
    fn nothing_found() {
        for query in [
            "",
            "  ",
            ",",
            "Xyzzyville",
            "Portland, Narnia",
            "Dublin, Oregon, Spain",
            &"Portland, ".repeat(40),
        ] {
            assert_eq!(lookup(query), Lookup::NotFound, "{query:?}");
        }
        // No other-language names: only GeoNames' main one.
        assert_eq!(lookup("Ciudad de México"), Lookup::NotFound);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  Saint-Jean-sur-Richelieu "), "st jean sur richelieu");
        assert_eq!(fold("Coeur d'Alene"), "coeur dalene");
        assert_eq!(fold("Ørsted, Łódź, Straße"), "orsted lodz strasse");
        assert_eq!(fold("U.S.A."), "usa");
        assert_eq!(
            name_keys("Washington, D.C."),
            ["washington", "washington dc"]
        );
        assert_eq!(name_keys("New York City"), ["new york", "new york city"]);
    }

    #[test]
    fn a_lookup_is_quick_once_loaded() {
        let _ = lookup("Portland");
        let _ = lookup("94103");
        let start = std::time::Instant::now();
        for _ in 0..100 {
            let _ = lookup("Springfield");
            let _ = lookup("Dublin, Ireland");
        }
        // Generous, for unoptimised test builds on a busy machine.
        assert!(
            start.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }
}
