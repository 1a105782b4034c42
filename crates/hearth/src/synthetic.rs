//! Synthetic Meeting Guide feeds: realistic enough to show the meeting finder
//! off in the demo and to load-test it in `hearth bench`, and the same every
//! time for a given seed, so a demo re-import changes nothing and benchmark
//! runs can be compared.
//!
//! Meetings cluster around real cities, as many in each as its population
//! earns it, in the cities' own time zones (half-hour offsets and zones
//! without daylight saving included). About 15% are online only, 10% hybrid
//! and the rest in person within about 15 km of the centre, at made-up
//! addresses on real streets. Names, days, times and type codes follow what
//! real intergroup feeds carry; Spanish-speaking cities get Spanish meetings.
//! Coordinates are not checked against the map: a few land in a lake or bay.

use jiff::Timestamp;
use serde_json::{Map, Value};

/// The `count` first records of the feed for `seed`.
pub fn feed(count: usize, seed: u64) -> Vec<Value> {
    records(seed).take(count).collect()
}

/// The feed for `seed` as an endless stream of records, for feeds too big to
/// hold twice in memory. Slugs are unique along the whole stream.
pub fn records(seed: u64) -> impl Iterator<Item = Value> {
    let mut rng = Rng::new(seed);
    (1u64..).map(move |number| record(&mut rng, number))
}

/// splitmix64: tiny, fast and well spread; for test data, never for secrets.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below((high - low + 1) as usize) as u64
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `items`, each as likely as its weight.
    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: usize = items.iter().map(|item| weight(item) as usize).sum();
        let mut target = self.below(total);
        for item in items {
            match target.checked_sub(weight(item) as usize) {
                None => return item,
                Some(rest) => target = rest,
            }
        }
        unreachable!("the target is below the total weight")
    }
}

/// A city meetings cluster around.
pub struct City {
    name: &'static str,
    pub timezone: &'static str,
    pub latitude: f64,
    pub longitude: f64,
    /// Metro population in thousands: the city's share of the meetings.
    population_thousands: u32,
    country: Country,
    /// State or province as addresses write it; empty where addresses have none.
    state: &'static str,
    neighbourhoods: &'static [Neighbourhood],
}

impl City {
    fn speaks_spanish(&self) -> bool {
        matches!(self.country, Country::Mexico | Country::Spain)
    }
}

/// A city picked at random, as likely as its population makes it: where
/// meetings are, and where people searching for them are.
pub fn weighted_city(rng: &mut Rng) -> &'static City {
    rng.weighted(CITIES, |city| city.population_thousands)
}

#[derive(Clone, Copy)]
enum Country {
    UnitedStates,
    Canada,
    Mexico,
    UnitedKingdom,
    Ireland,
    Spain,
    Australia,
    NewZealand,
    India,
}

impl Country {
    fn code(self) -> &'static str {
        match self {
            Country::UnitedStates => "US",
            Country::Canada => "CA",
            Country::Mexico => "MX",
            Country::UnitedKingdom => "GB",
            Country::Ireland => "IE",
            Country::Spain => "ES",
            Country::Australia => "AU",
            Country::NewZealand => "NZ",
            Country::India => "IN",
        }
    }

    /// As the last line of an address.
    fn name(self) -> &'static str {
        match self {
            Country::UnitedStates => "USA",
            Country::Canada => "Canada",
            Country::Mexico => "México",
            Country::UnitedKingdom => "UK",
            Country::Ireland => "Ireland",
            Country::Spain => "España",
            Country::Australia => "Australia",
            Country::NewZealand => "New Zealand",
            Country::India => "India",
        }
    }

    /// A Zoom dial-in number in the country, as feeds give it.
    fn dial_in(self) -> &'static str {
        match self {
            Country::UnitedStates => "+16699006833",
            Country::Canada => "+16473744685",
            Country::Mexico => "+525541614288",
            Country::UnitedKingdom => "+442034815237",
            Country::Ireland => "+35312405421",
            Country::Spain => "+34917873431",
            Country::Australia => "+61280156011",
            Country::NewZealand => "+6498846780",
            Country::India => "+912248798004",
        }
    }

    /// The neighbourhood's postal code, completed where the table holds only
    /// its first part (outward codes, routing keys, forward sortation areas).
    fn postal_code(self, rng: &mut Rng, prefix: &str) -> String {
        fn letter(rng: &mut Rng) -> char {
            const LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXY";
            char::from(*rng.pick(LETTERS))
        }
        let (a, b, c, d) = (
            rng.between(1, 9),
            letter(rng),
            letter(rng),
            rng.between(1, 9),
        );
        match self {
            Country::UnitedKingdom => format!("{prefix} {a}{b}{c}"),
            Country::Ireland => format!("{prefix} {b}{a}{c}{d}"),
            Country::Canada => format!("{prefix} {a}{b}{d}"),
            _ => prefix.to_owned(),
        }
    }

    /// The street line: `1234 SE Main St`, `Calle de Alcalá, 45`, ...
    fn street_line(self, rng: &mut Rng, street: &str) -> String {
        match self {
            Country::UnitedStates => format!("{} {street}", rng.between(100, 9899)),
            Country::Canada | Country::Australia | Country::NewZealand => {
                format!("{} {street}", rng.between(1, 999))
            }
            Country::UnitedKingdom | Country::Ireland => {
                format!("{} {street}", rng.between(1, 240))
            }
            Country::Mexico => format!("{street} {}", rng.between(1, 1500)),
            Country::Spain => format!("{street}, {}", rng.between(1, 180)),
            Country::India => format!("{}, {street}", rng.between(1, 120)),
        }
    }
}

/// A meeting place: what the record says about where it is.
struct Place {
    address: String,
    formatted_address: String,
    neighbourhood: &'static str,
    postal_code: String,
}

fn place(rng: &mut Rng, city: &City) -> Place {
    let (neighbourhood, postal_prefix, street) = *rng.pick(city.neighbourhoods);
    let country = city.country;
    let address = country.street_line(rng, street);
    let postal_code = country.postal_code(rng, postal_prefix);
    let (name, state, country_name) = (city.name, city.state, country.name());
    let formatted_address = match country {
        Country::UnitedStates | Country::Canada => {
            format!("{address}, {name}, {state} {postal_code}, {country_name}")
        }
        Country::UnitedKingdom | Country::Ireland => {
            format!("{address}, {name} {postal_code}, {country_name}")
        }
        Country::Mexico => {
            format!("{address}, {neighbourhood}, {postal_code} {name}, {state}, {country_name}")
        }
        Country::Spain => format!("{address}, {postal_code} {name}, {country_name}"),
        Country::Australia => {
            format!("{address}, {neighbourhood} {state} {postal_code}, {country_name}")
        }
        Country::NewZealand => {
            format!("{address}, {neighbourhood}, {name} {postal_code}, {country_name}")
        }
        Country::India => {
            format!("{address}, {neighbourhood}, {name}, {state} {postal_code}, {country_name}")
        }
    };
    Place {
        address,
        formatted_address,
        neighbourhood,
        postal_code,
    }
}

/// The city as an online meeting's approximate address: `Portland, OR, USA`.
fn city_line(city: &City) -> String {
    match city.state {
        "" => format!("{}, {}", city.name, city.country.name()),
        state => format!("{}, {state}, {}", city.name, city.country.name()),
    }
}

/// A point up to `max_km` from the city centre, denser towards the middle
/// as meetings are.
fn near_centre(rng: &mut Rng, city: &City, max_km: f64) -> (f64, f64) {
    const KM_PER_DEGREE: f64 = 111.32;
    let distance = max_km * rng.unit();
    let bearing = std::f64::consts::TAU * rng.unit();
    let latitude = city.latitude + distance * bearing.cos() / KM_PER_DEGREE;
    let longitude = city.longitude
        + distance * bearing.sin() / (KM_PER_DEGREE * city.latitude.to_radians().cos());
    (round_to_5(latitude), round_to_5(longitude))
}

/// About a metre: what geocoders give.
fn round_to_5(degrees: f64) -> f64 {
    (degrees * 100_000.0).round() / 100_000.0
}

/// When in the day a kind of meeting meets.
#[derive(Clone, Copy)]
enum Slot {
    Morning,
    Noon,
    Evening,
    /// Late evening, some ending after midnight.
    Late,
    /// Starting at or just after midnight.
    Midnight,
    Any,
}

impl Slot {
    /// Start times as minutes after midnight, weighted: most meetings start
    /// on the hour at a few familiar times.
    fn starts(self) -> &'static [(u32, u32)] {
        match self {
            Slot::Morning => &[(6 * 60 + 30, 2), (7 * 60, 6), (7 * 60 + 30, 2), (8 * 60, 1)],
            Slot::Noon => &[(12 * 60, 6), (12 * 60 + 10, 3), (12 * 60 + 30, 1)],
            Slot::Evening => &[
                (18 * 60, 4),
                (18 * 60 + 30, 2),
                (19 * 60, 6),
                (19 * 60 + 30, 5),
                (20 * 60, 5),
            ],
            Slot::Late => &[
                (21 * 60, 3),
                (22 * 60, 3),
                (22 * 60 + 30, 2),
                (23 * 60, 2),
                (23 * 60 + 30, 2),
            ],
            Slot::Midnight => &[(0, 3), (30, 1)],
            Slot::Any => &[
                (7 * 60, 4),
                (10 * 60, 1),
                (12 * 60, 4),
                (12 * 60 + 10, 1),
                (17 * 60 + 30, 1),
                (18 * 60, 4),
                (19 * 60, 6),
                (19 * 60 + 30, 4),
                (20 * 60, 4),
            ],
        }
    }
}

/// A kind of meeting: its usual name, type codes and time of day.
struct Kind {
    name: &'static str,
    types: &'static [&'static str],
    slot: Slot,
}

const fn kind(name: &'static str, types: &'static [&'static str], slot: Slot) -> Kind {
    Kind { name, types, slot }
}

const ENGLISH_KINDS: &[Kind] = &[
    kind("Sunrise Serenity", &["O", "D"], Slot::Morning),
    kind("Early Birds", &["O", "D"], Slot::Morning),
    kind("Attitude Adjustment", &["O", "D"], Slot::Morning),
    kind("Daily Reflections", &["O", "DR"], Slot::Morning),
    kind(
        "Eleventh Step Meditation",
        &["O", "11", "MED"],
        Slot::Morning,
    ),
    kind("Lunch Bunch", &["O", "D"], Slot::Noon),
    kind("Nooners", &["O", "D"], Slot::Noon),
    kind("Big Book Study", &["C", "B"], Slot::Any),
    kind("Step Study", &["C", "ST"], Slot::Evening),
    kind("Twelve and Twelve", &["C", "12x12"], Slot::Evening),
    kind("Keep It Simple", &["O", "D"], Slot::Any),
    kind("Came to Believe", &["O", "SP"], Slot::Evening),
    kind("Back to Basics", &["O", "B", "BE"], Slot::Evening),
    kind("Newcomers", &["O", "BE"], Slot::Evening),
    kind("Primary Purpose", &["C", "D"], Slot::Any),
    kind("Language of the Heart", &["O", "GR"], Slot::Any),
    kind("Living Sober", &["O", "LS"], Slot::Any),
    kind("As Bill Sees It", &["C", "ABSI"], Slot::Any),
    kind("Into Action", &["C", "ST"], Slot::Any),
    kind("Happy Hour", &["O", "D"], Slot::Evening),
    kind("Women's Serenity", &["C", "W", "D"], Slot::Evening),
    kind("Men's Stag", &["C", "M", "D"], Slot::Evening),
    kind("Young People's", &["O", "Y", "D"], Slot::Evening),
    kind("Rainbow Group", &["O", "LGBTQ", "D"], Slot::Evening),
    kind("Candlelight", &["C", "CAN", "D"], Slot::Late),
    kind("Night Owls", &["O", "D"], Slot::Late),
    kind("Midnight Madness", &["O", "D"], Slot::Midnight),
];

const SPANISH_KINDS: &[Kind] = &[
    kind("Grupo Esperanza", &["C", "D", "S"], Slot::Evening),
    kind("Grupo Nueva Vida", &["C", "D", "S"], Slot::Evening),
    kind("Grupo Serenidad", &["O", "D", "S"], Slot::Any),
    kind("Grupo Un Día a la Vez", &["O", "D", "S"], Slot::Any),
    kind("Grupo Amanecer", &["O", "D", "S"], Slot::Morning),
    kind("Grupo Despertar", &["O", "DR", "S"], Slot::Morning),
    kind("Grupo Mediodía", &["O", "D", "S"], Slot::Noon),
    kind("Grupo Libertad", &["C", "D", "S"], Slot::Evening),
    kind("Grupo Fe y Esperanza", &["O", "SP", "S"], Slot::Evening),
    kind("Estudio del Libro Grande", &["C", "B", "S"], Slot::Any),
    kind("Grupo Doce Pasos", &["C", "ST", "S"], Slot::Evening),
    kind("Mujeres en Recuperación", &["C", "W", "S"], Slot::Evening),
    kind("Grupo Vivir Sobrio", &["O", "LS", "S"], Slot::Any),
    kind("Grupo Juventud", &["O", "Y", "S"], Slot::Evening),
    kind("Grupo Diversidad", &["O", "LGBTQ", "S"], Slot::Evening),
    kind("Grupo Trasnochadores", &["O", "D", "S"], Slot::Late),
];

const ENGLISH_LOCATIONS: &[&str] = &[
    "St. Mark's Episcopal Church",
    "First Presbyterian Church",
    "Alano Club",
    "Unitarian Fellowship Hall",
    "Community Center",
    "Serenity House",
    "Public Library, Meeting Room B",
    "YMCA",
    "Recovery Clubhouse",
    "St. Mary's Church Hall",
    "Friends Meeting House",
];

const SPANISH_LOCATIONS: &[&str] = &[
    "Parroquia de San José",
    "Centro Comunitario",
    "Casa de la Cultura",
    "Salón Parroquial",
    "Centro Cívico",
    "Local del Grupo",
];

const ENGLISH_LOCATION_NOTES: &[&str] = &[
    "Side door, down the stairs.",
    "Upstairs in the fellowship hall.",
    "Park in the back lot.",
    "Room 204.",
    "Enter from the alley; ring the buzzer.",
];

const SPANISH_LOCATION_NOTES: &[&str] = &[
    "Entrada por la puerta lateral.",
    "Primer piso.",
    "Salón del fondo.",
    "Tocar el timbre.",
];

const ENGLISH_NOTES: &[&str] = &[
    "Newcomers welcome.",
    "Literature available.",
    "Coffee from 15 minutes before.",
    "Birthday meeting on the last meeting of the month.",
    "Childcare available.",
    "Fragrance-free room, please.",
    "Speaker the first week of the month.",
    "Business meeting after the meeting on the first week.",
];

const SPANISH_NOTES: &[&str] = &[
    "Bienvenidos los recién llegados.",
    "Literatura disponible.",
    "Café antes de la reunión.",
    "Junta de servicio el primer domingo del mes.",
];

const PASSWORDS: &[&str] = &["serenity", "hope", "unity", "service", "recovery", "1935"];

/// Feeds' `updated` stamps fall in 2025.
const UPDATED_FROM: i64 = 1_735_689_600; // 2025-01-01 00:00:00 UTC
const SECONDS_PER_YEAR: u64 = 365 * 24 * 3600;

/// Record number `number` of a feed (from 1; it makes the slug unique).
fn record(rng: &mut Rng, number: u64) -> Value {
    let city = weighted_city(rng);
    // Spanish-speaking cities have a few English-speaking meetings; other
    // cities a few Spanish-speaking ones.
    let spanish = rng.chance(if city.speaks_spanish() { 0.9 } else { 0.04 });
    let kind = rng.pick(if spanish {
        SPANISH_KINDS
    } else {
        ENGLISH_KINDS
    });
    let (online, in_person) = match rng.unit() {
        r if r < 0.15 => (true, false),
        r if r < 0.25 => (true, true),
        _ => (false, true),
    };

    let mut fields = Map::new();
    let mut set = |field: &str, value: Value| {
        fields.insert(field.to_owned(), value);
    };
    let slug = format!("{}-{number}", slugify(kind.name));
    set("name", kind.name.into());
    set("slug", slug.as_str().into());
    set("day", days(rng, kind.slot));
    let (start, _) = *rng.weighted(kind.slot.starts(), |(_, weight)| *weight);
    let length = if rng.chance(0.3) { 90 } else { 60 };
    set("time", clock(start).into());
    set("end_time", clock((start + length) % (24 * 60)).into());
    set("timezone", city.timezone.into());
    set("region", city.name.into());

    let mut types: Vec<&str> = kind.types.to_vec();
    if in_person {
        let place = place(rng, city);
        let (latitude, longitude) = near_centre(rng, city, 15.0);
        let location = *rng.pick(if spanish {
            SPANISH_LOCATIONS
        } else {
            ENGLISH_LOCATIONS
        });
        set("location", location.into());
        set("address", place.address.into());
        set("formatted_address", place.formatted_address.into());
        set("city", city.name.into());
        if !city.state.is_empty() {
            set("state", city.state.into());
        }
        set("postal_code", place.postal_code.into());
        set("country", city.country.code().into());
        set("latitude", latitude.into());
        set("longitude", longitude.into());
        set("approximate", "no".into());
        set("sub_region", place.neighbourhood.into());
        if rng.chance(0.3) {
            let notes = if spanish {
                SPANISH_LOCATION_NOTES
            } else {
                ENGLISH_LOCATION_NOTES
            };
            set("location_notes", (*rng.pick(notes)).into());
        }
        if rng.chance(0.3) {
            types.push("X");
        }
        // A few rooms are closed for now; without a link they are inactive.
        if !online && rng.chance(0.01) {
            types.push("TC");
        }
    } else if rng.chance(0.6) {
        set("formatted_address", city_line(city).into());
        set("latitude", city.latitude.into());
        set("longitude", city.longitude.into());
        set("approximate", "yes".into());
    }
    if online {
        let meeting_id = rng.between(100_000_000, 99_999_999_999);
        set(
            "conference_url",
            format!("https://zoom.us/j/{meeting_id}").into(),
        );
        if rng.chance(0.5) {
            let password = rng.pick(PASSWORDS);
            set(
                "conference_url_notes",
                format!("Password: {password}").into(),
            );
        }
        if rng.chance(0.5) {
            let dial_in = city.country.dial_in();
            set(
                "conference_phone",
                format!("{dial_in},,{meeting_id}#").into(),
            );
        }
    }
    types.sort_unstable();
    types.dedup();
    set("types", types.into());

    if rng.chance(0.4) {
        let notes = if spanish {
            SPANISH_NOTES
        } else {
            ENGLISH_NOTES
        };
        set("notes", (*rng.pick(notes)).into());
    }
    if rng.chance(0.7) {
        let group = if kind.name.starts_with("Grupo") {
            kind.name.to_owned()
        } else {
            format!("{} Group", kind.name)
        };
        set("group", group.into());
    }
    set(
        "url",
        format!("https://meetings.example.org/{}/{slug}", slugify(city.name)).into(),
    );
    let updated = Timestamp::from_second(UPDATED_FROM + rng.between(0, SECONDS_PER_YEAR) as i64)
        .expect("a second in 2025");
    set(
        "updated",
        updated.strftime("%Y-%m-%d %H:%M:%S").to_string().into(),
    );
    Value::Object(fields)
}

/// One day as a number, or a list: lunch meetings often run every weekday,
/// and some meetings meet daily.
fn days(rng: &mut Rng, slot: Slot) -> Value {
    let every_weekday = matches!(slot, Slot::Noon) && rng.chance(0.5);
    match rng.unit() {
        _ if every_weekday => Value::from(vec![1, 2, 3, 4, 5]),
        r if r < 0.75 => Value::from(rng.between(0, 6)),
        r if r < 0.85 => Value::from(vec![0, 1, 2, 3, 4, 5, 6]),
        r if r < 0.95 => Value::from(vec![1, 3, 5]),
        _ => Value::from(vec![0, 6]),
    }
}

/// Minutes after midnight as the spec's `HH:MM`.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `Grupo Un Día a la Vez` -> `grupo-un-dia-a-la-vez`.
fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        let plain = match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            '\'' => continue,
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if plain != '-' || !(slug.is_empty() || slug.ends_with('-')) {
            slug.push(plain);
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// A neighbourhood (the feed's `sub_region`), its postal code (or the code's
/// first part) and a main street in it.
type Neighbourhood = (&'static str, &'static str, &'static str);

const fn city(
    name: &'static str,
    (country, state): (Country, &'static str),
    timezone: &'static str,
    (latitude, longitude): (f64, f64),
    population_thousands: u32,
    neighbourhoods: &'static [Neighbourhood],
) -> City {
    City {
        name,
        timezone,
        latitude,
        longitude,
        population_thousands,
        country,
        state,
        neighbourhoods,
    }
}

/// Where the meetings are. Populations are metro areas, in thousands.
const CITIES: &[City] = &[
    city(
        "Portland",
        (Country::UnitedStates, "OR"),
        "America/Los_Angeles",
        (45.5152, -122.6784),
        2510,
        &[
            ("Northwest", "97209", "NW 23rd Ave"),
            ("Southeast", "97214", "SE Hawthorne Blvd"),
            ("Northeast", "97211", "NE Alberta St"),
            ("North", "97227", "N Williams Ave"),
            ("Southwest", "97201", "SW Broadway"),
        ],
    ),
    city(
        "Seattle",
        (Country::UnitedStates, "WA"),
        "America/Los_Angeles",
        (47.6062, -122.3321),
        4020,
        &[
            ("Capitol Hill", "98122", "E Pike St"),
            ("Ballard", "98107", "NW Market St"),
            ("Fremont", "98103", "N 36th St"),
            ("Queen Anne", "98109", "Queen Anne Ave N"),
            ("Rainier Valley", "98118", "Rainier Ave S"),
        ],
    ),
    city(
        "Los Angeles",
        (Country::UnitedStates, "CA"),
        "America/Los_Angeles",
        (34.0522, -118.2437),
        12900,
        &[
            ("Hollywood", "90028", "Hollywood Blvd"),
            ("Silver Lake", "90026", "Sunset Blvd"),
            ("Koreatown", "90010", "Wilshire Blvd"),
            ("Venice", "90291", "Abbot Kinney Blvd"),
            ("Downtown", "90015", "S Figueroa St"),
        ],
    ),
    city(
        "San Francisco",
        (Country::UnitedStates, "CA"),
        "America/Los_Angeles",
        (37.7749, -122.4194),
        4580,
        &[
            ("Mission", "94110", "Valencia St"),
            ("Castro", "94114", "Market St"),
            ("Haight-Ashbury", "94117", "Haight St"),
            ("Richmond", "94118", "Geary Blvd"),
            ("SoMa", "94103", "Folsom St"),
        ],
    ),
    city(
        "Phoenix",
        (Country::UnitedStates, "AZ"),
        "America/Phoenix",
        (33.4484, -112.0740),
        5070,
        &[
            ("Downtown", "85004", "N Central Ave"),
            ("Arcadia", "85018", "E Camelback Rd"),
            ("Maryvale", "85031", "W Indian School Rd"),
            ("Ahwatukee", "85044", "E Ray Rd"),
            ("Sunnyslope", "85020", "N 7th St"),
        ],
    ),
    city(
        "Denver",
        (Country::UnitedStates, "CO"),
        "America/Denver",
        (39.7392, -104.9903),
        2990,
        &[
            ("Capitol Hill", "80203", "E Colfax Ave"),
            ("Highlands", "80211", "W 32nd Ave"),
            ("Five Points", "80205", "Welton St"),
            ("Baker", "80223", "S Broadway"),
            ("Park Hill", "80207", "E 23rd Ave"),
        ],
    ),
    city(
        "Chicago",
        (Country::UnitedStates, "IL"),
        "America/Chicago",
        (41.8781, -87.6298),
        9440,
        &[
            ("Lakeview", "60657", "N Clark St"),
            ("Wicker Park", "60622", "N Milwaukee Ave"),
            ("Logan Square", "60647", "W Fullerton Ave"),
            ("Hyde Park", "60615", "E 53rd St"),
            ("Pilsen", "60608", "W 18th St"),
            ("Uptown", "60640", "N Broadway"),
        ],
    ),
    city(
        "New York",
        (Country::UnitedStates, "NY"),
        "America/New_York",
        (40.7128, -74.0060),
        19500,
        &[
            ("Chelsea", "10011", "W 23rd St"),
            ("Upper West Side", "10024", "Amsterdam Ave"),
            ("Harlem", "10027", "Malcolm X Blvd"),
            ("Greenwich Village", "10014", "Bleecker St"),
            ("Park Slope", "11215", "7th Ave"),
            ("Astoria", "11102", "Broadway"),
        ],
    ),
    city(
        "Boston",
        (Country::UnitedStates, "MA"),
        "America/New_York",
        (42.3601, -71.0589),
        4900,
        &[
            ("Back Bay", "02116", "Boylston St"),
            ("Jamaica Plain", "02130", "Centre St"),
            ("South End", "02118", "Tremont St"),
            ("Dorchester", "02124", "Dorchester Ave"),
            ("Allston", "02134", "Harvard Ave"),
        ],
    ),
    city(
        "Honolulu",
        (Country::UnitedStates, "HI"),
        "Pacific/Honolulu",
        (21.3069, -157.8583),
        1000,
        &[
            ("Waikiki", "96815", "Kalakaua Ave"),
            ("Kaimuki", "96816", "Waialae Ave"),
            ("Manoa", "96822", "E Manoa Rd"),
            ("Kalihi", "96819", "N King St"),
            ("Kakaako", "96813", "Kapiolani Blvd"),
        ],
    ),
    city(
        "Toronto",
        (Country::Canada, "ON"),
        "America/Toronto",
        (43.6532, -79.3832),
        6200,
        &[
            ("The Annex", "M5R", "Bloor St W"),
            ("Leslieville", "M4M", "Queen St E"),
            ("Kensington Market", "M5T", "Spadina Ave"),
            ("Parkdale", "M6K", "Queen St W"),
            ("The Danforth", "M4K", "Danforth Ave"),
        ],
    ),
    city(
        "Ciudad de México",
        (Country::Mexico, "CDMX"),
        "America/Mexico_City",
        (19.4326, -99.1332),
        21800,
        &[
            ("Roma Norte", "06700", "Calle Durango"),
            ("Condesa", "06140", "Calle Ámsterdam"),
            ("Coyoacán", "04000", "Av. Francisco Sosa"),
            ("Del Valle", "03100", "Av. Insurgentes Sur"),
            ("Narvarte", "03020", "Calle Pitágoras"),
            ("Doctores", "06720", "Calle Dr. Vértiz"),
        ],
    ),
    city(
        "Guadalajara",
        (Country::Mexico, "Jal."),
        "America/Mexico_City",
        (20.6597, -103.3496),
        5300,
        &[
            ("Americana", "44160", "Av. Chapultepec"),
            ("Providencia", "44630", "Av. Pablo Neruda"),
            ("Chapalita", "45040", "Av. Guadalupe"),
            ("Santa Tere", "44600", "Calle Juan Manuel"),
            ("Centro", "44100", "Av. Hidalgo"),
        ],
    ),
    city(
        "London",
        (Country::UnitedKingdom, ""),
        "Europe/London",
        (51.5074, -0.1278),
        14800,
        &[
            ("Camden", "NW1", "Camden High Street"),
            ("Islington", "N1", "Upper Street"),
            ("Brixton", "SW9", "Brixton Road"),
            ("Hackney", "E8", "Mare Street"),
            ("Kensington", "W8", "Kensington Church Street"),
            ("Southwark", "SE1", "Borough High Street"),
        ],
    ),
    city(
        "Dublin",
        (Country::Ireland, ""),
        "Europe/Dublin",
        (53.3498, -6.2603),
        2100,
        &[
            ("Rathmines", "D06", "Rathmines Road Lower"),
            ("Phibsborough", "D07", "North Circular Road"),
            ("Ringsend", "D04", "Bridge Street"),
            ("Drumcondra", "D09", "Drumcondra Road Upper"),
            ("Clontarf", "D03", "Clontarf Road"),
        ],
    ),
    city(
        "Madrid",
        (Country::Spain, ""),
        "Europe/Madrid",
        (40.4168, -3.7038),
        6800,
        &[
            ("Malasaña", "28004", "Calle de Fuencarral"),
            ("Chamberí", "28010", "Calle de Santa Engracia"),
            ("Lavapiés", "28012", "Calle de Argumosa"),
            ("Salamanca", "28001", "Calle de Serrano"),
            ("Retiro", "28009", "Calle de Alcalá"),
            ("Tetuán", "28020", "Calle de Bravo Murillo"),
        ],
    ),
    city(
        "Barcelona",
        (Country::Spain, ""),
        "Europe/Madrid",
        (41.3874, 2.1686),
        5600,
        &[
            ("Gràcia", "08012", "Carrer Gran de Gràcia"),
            ("Eixample", "08011", "Carrer d'Aragó"),
            ("El Raval", "08001", "Carrer de l'Hospital"),
            ("Sants", "08014", "Carrer de Sants"),
            ("Poblenou", "08005", "Rambla del Poblenou"),
        ],
    ),
    city(
        "Sydney",
        (Country::Australia, "NSW"),
        "Australia/Sydney",
        (-33.8688, 151.2093),
        5300,
        &[
            ("Newtown", "2042", "King Street"),
            ("Surry Hills", "2010", "Crown Street"),
            ("Bondi", "2026", "Campbell Parade"),
            ("Parramatta", "2150", "Church Street"),
            ("Chatswood", "2067", "Victoria Avenue"),
        ],
    ),
    city(
        "Adelaide",
        (Country::Australia, "SA"),
        "Australia/Adelaide",
        (-34.9285, 138.6007),
        1400,
        &[
            ("Norwood", "5067", "The Parade"),
            ("Glenelg", "5045", "Jetty Road"),
            ("Prospect", "5082", "Prospect Road"),
            ("Unley", "5061", "Unley Road"),
            ("North Adelaide", "5006", "O'Connell Street"),
        ],
    ),
    city(
        "Auckland",
        (Country::NewZealand, ""),
        "Pacific/Auckland",
        (-36.8485, 174.7633),
        1700,
        &[
            ("Ponsonby", "1011", "Ponsonby Road"),
            ("Grey Lynn", "1021", "Great North Road"),
            ("Mt Eden", "1024", "Dominion Road"),
            ("Newmarket", "1023", "Broadway"),
            ("Onehunga", "1061", "Onehunga Mall"),
        ],
    ),
    city(
        "Mumbai",
        (Country::India, "Maharashtra"),
        "Asia/Kolkata",
        (19.0760, 72.8777),
        20700,
        &[
            ("Bandra West", "400050", "Hill Road"),
            ("Andheri West", "400058", "Lokhandwala Road"),
            ("Colaba", "400005", "Colaba Causeway"),
            ("Dadar", "400028", "Ranade Road"),
            ("Powai", "400076", "Hiranandani Gardens"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use hearth_domain::meetings::Attendance;
    use hearth_domain::meetings::feed::parse_feed;

    use super::*;

    fn parse(records: &[Value]) -> hearth_domain::meetings::feed::ParsedFeed {
        parse_feed(&Value::from(records.to_vec()).to_string(), None).expect("a JSON array")
    }

    #[test]
    fn the_same_seed_gives_the_same_feed() {
        assert_eq!(feed(500, 7), feed(500, 7));
        assert_ne!(feed(50, 7), feed(50, 8));
        // A longer feed starts with the shorter one, so counts can grow.
        assert_eq!(feed(1000, 7)[..500], feed(500, 7)[..]);
    }

    #[test]
    fn every_record_parses_without_a_rejection() {
        let parsed = parse(&feed(5000, 1));
        assert_eq!(parsed.rejected, [], "every record is valid");
        assert_eq!(parsed.meetings.len(), 5000);
        for meeting in &parsed.meetings {
            assert!(meeting.timezone.is_some(), "{}", meeting.slug);
            assert!(!meeting.days.is_empty(), "{}", meeting.slug);
            assert!(meeting.start.is_some(), "{}", meeting.slug);
            assert!(meeting.updated.is_some(), "{}", meeting.slug);
        }
    }

    #[test]
    fn slugs_are_unique() {
        let records = feed(10_000, 3);
        let slugs: HashSet<&str> = records
            .iter()
            .map(|r| r["slug"].as_str().unwrap())
            .collect();
        assert_eq!(slugs.len(), records.len());
    }

    #[test]
    fn about_one_in_seven_is_online_and_one_in_ten_hybrid() {
        let parsed = parse(&feed(5000, 11));
        let share = |attendance: Attendance| {
            let matching = parsed
                .meetings
                .iter()
                .filter(|m| m.attendance() == attendance)
                .count();
            matching as f64 / parsed.meetings.len() as f64
        };
        let online = share(Attendance::Online);
        let hybrid = share(Attendance::Hybrid);
        let inactive = share(Attendance::Inactive);
        assert!((0.13..0.17).contains(&online), "online {online}");
        assert!((0.08..0.12).contains(&hybrid), "hybrid {hybrid}");
        assert!((0.001..0.02).contains(&inactive), "inactive {inactive}");
        // Online meetings have a city-level address or none: never a door.
        for meeting in &parsed.meetings {
            if meeting.attendance() == Attendance::Online {
                assert!(
                    meeting.approximate || meeting.text("formatted_address").is_none(),
                    "{}",
                    meeting.slug
                );
            }
        }
    }

    #[test]
    fn meetings_spread_over_the_cities_zones_and_times() {
        let parsed = parse(&feed(5000, 5));
        let zones: HashSet<&str> = parsed
            .meetings
            .iter()
            .filter_map(|m| m.timezone.as_deref())
            .collect();
        for zone in [
            "America/Los_Angeles",
            "America/Chicago",
            "America/New_York",
            "America/Phoenix",
            "America/Mexico_City",
            "Europe/London",
            "Europe/Madrid",
            "Europe/Dublin",
            "Australia/Sydney",
            "Australia/Adelaide",
            "Asia/Kolkata",
        ] {
            assert!(zones.contains(zone), "no meeting in {zone}");
        }
        let has = |test: &dyn Fn(&hearth_domain::meetings::Meeting) -> bool| {
            parsed.meetings.iter().any(test)
        };
        assert!(has(&|m| m.days.len() > 1), "several days");
        assert!(has(&|m| m.end_time() < m.start), "past midnight");
        assert!(has(&|m| m.name == "Lunch Bunch"));
        assert!(has(
            &|m| m.regions.first().is_some_and(|r| r == "Madrid") && m.types.contains(&"S".into())
        ));
        assert!(has(&|m| m.types.contains(&"LGBTQ".into())));
    }

    #[test]
    fn in_person_meetings_are_within_15_km_of_their_city() {
        let parsed = parse(&feed(3000, 9));
        for meeting in &parsed.meetings {
            let (Some(latitude), Some(longitude)) = (meeting.latitude, meeting.longitude) else {
                continue;
            };
            let city = CITIES
                .iter()
                .find(|c| meeting.regions.first().is_some_and(|r| r == c.name))
                .expect("the region is the city");
            let distance =
                hearth_domain::geo::distance_km(city.latitude, city.longitude, latitude, longitude);
            assert!(distance <= 15.1, "{} is {distance} km out", meeting.slug);
        }
    }

    #[test]
    fn slugs_read_plainly() {
        assert_eq!(slugify("Grupo Un Día a la Vez"), "grupo-un-dia-a-la-vez");
        assert_eq!(slugify("Men's Stag"), "mens-stag");
        assert_eq!(slugify("Twelve and Twelve"), "twelve-and-twelve");
    }
}
