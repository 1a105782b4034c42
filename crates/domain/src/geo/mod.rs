//! Distances on the Earth, the boxes that find nearby meetings fast, and
//! [`places`]: place names and ZIP codes looked up offline.
//!
//! "Meetings within 10 km" is answered in two steps: a [`BoundingBox`] that
//! can be searched with plain range conditions on latitude and longitude
//! (the search index's bands), then a [`Radius`] on the few positions the
//! box lets through. The box may let in a few points that are too far away
//! (its corners), but it never leaves out one that is close enough.
//!
//! Positions are latitude and longitude in degrees (WGS 84, as in the feeds);
//! the Earth is taken to be a sphere, which is off by at most about 0.5%:
//! plenty for "how far away is this meeting".

pub mod places;

/// The mean radius of the Earth (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// How far a box reaches beyond the exact circle, in degrees (about 0.1 mm),
/// so that floating point rounding never leaves out a point right on the
/// edge.
const ROUNDING_MARGIN_DEGREES: f64 = 1e-9;

/// The great-circle distance in kilometres between two positions.
///
/// Worked out from the chord between the two points on the unit sphere:
/// exact for a sphere, and, unlike the spherical law of cosines, accurate
/// for points very close together.
pub fn distance_km(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> f64 {
    chord_to_km(Position::new(lat1, lng1).chord_squared_to(&Position::new(lat2, lng2)))
}

/// A position as the point on the unit sphere it stands for, so distances
/// from it need no trigonometry (a search index measures from thousands).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    unit: [f64; 3],
}

impl Position {
    pub fn new(latitude: f64, longitude: f64) -> Position {
        let (lat, lng) = (latitude.to_radians(), longitude.to_radians());
        Position {
            unit: [lat.cos() * lng.cos(), lat.cos() * lng.sin(), lat.sin()],
        }
    }

    /// The square of the straight line through the Earth to `other`, on the
    /// unit sphere. It orders positions as their distances do, and
    /// [`chord_to_km`] turns it into one.
    pub fn chord_squared_to(&self, other: &Position) -> f64 {
        let [x, y, z] = self.unit;
        let [a, b, c] = other.unit;
        (x - a).powi(2) + (y - b).powi(2) + (z - c).powi(2)
    }
}

/// The great-circle distance, in kilometres, of a squared unit chord.
pub fn chord_to_km(chord_squared: f64) -> f64 {
    // Rounding can push the half chord a hair above 1 for antipodal points,
    // where `asin` would return NaN.
    2.0 * EARTH_RADIUS_KM * (chord_squared.sqrt() / 2.0).min(1.0).asin()
}

/// "Within this many kilometres", answered from squared chords.
#[derive(Debug, Clone, Copy)]
pub struct Radius {
    km: f64,
    /// Chords this far below or above the radius's are inside or outside
    /// whatever the rounding; between them the distance itself decides.
    surely_inside: f64,
    surely_outside: f64,
}

impl Radius {
    pub fn new(km: f64) -> Radius {
        let half_angle = (km / EARTH_RADIUS_KM / 2.0).min(std::f64::consts::FRAC_PI_2);
        let chord_squared = (2.0 * half_angle.sin()).powi(2);
        Radius {
            km,
            surely_inside: chord_squared * (1.0 - 1e-9),
            surely_outside: chord_squared * (1.0 + 1e-9),
        }
    }

    /// Exactly whether `chord_to_km(chord_squared) <= km`.
    pub fn contains(&self, chord_squared: f64) -> bool {
        if chord_squared < self.surely_inside {
            true
        } else if chord_squared > self.surely_outside {
            false
        } else {
            chord_to_km(chord_squared) <= self.km
        }
    }
}

/// Every point within a radius of a centre, with what finding them needs
/// worked out once: a search asks for the longitudes of one latitude band
/// after another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    longitude: f64,
    bounds: BoundingBox,
    cos_radius: f64,
    sin_centre: f64,
    cos_centre: f64,
    /// The latitude where the circle's edge runs north-south: where it is
    /// widest.
    widest: f64,
}

/// How far a longitude range reaches beyond the exact one, in degrees
/// (about a metre): `acos` near 1, where the circle just touches a
/// latitude, loses about half the digits of its input.
const LONGITUDE_MARGIN_DEGREES: f64 = 1e-5;

impl Circle {
    pub fn new(latitude: f64, longitude: f64, radius_km: f64) -> Circle {
        let cos_radius = (radius_km.max(0.0) / EARTH_RADIUS_KM).cos();
        let (sin_centre, cos_centre) = latitude.to_radians().sin_cos();
        Circle {
            longitude,
            bounds: BoundingBox::around(latitude, longitude, radius_km),
            cos_radius,
            sin_centre,
            cos_centre,
            widest: (sin_centre / cos_radius)
                .clamp(-1.0, 1.0)
                .asin()
                .to_degrees(),
        }
    }

    pub fn bounding_box(&self) -> BoundingBox {
        self.bounds
    }

    /// The longitudes (west, east) the circle's points from latitude
    /// `south` to `north` can have: within the bounding box's, and narrower
    /// away from the latitude where the circle is widest. `None` when the
    /// circle does not reach those latitudes.
    pub fn longitudes_between(&self, south: f64, north: f64) -> Option<(f64, f64)> {
        let bounds = self.bounds;
        if bounds.min_lng <= -180.0 && bounds.max_lng >= 180.0 {
            // Around a pole or across the antimeridian: the box's answer.
            return Some((bounds.min_lng, bounds.max_lng));
        }
        // A point at latitude φ is in the circle when the cosine of its
        // longitude difference is at least this.
        let least_cos = |latitude: f64| {
            let (sin, cos) = latitude.to_radians().sin_cos();
            (self.cos_radius - self.sin_centre * sin) / (self.cos_centre * cos)
        };
        // Widest at an end, or where the edge runs north-south.
        let mut lowest = least_cos(south).min(least_cos(north));
        if (south..=north).contains(&self.widest) {
            lowest = lowest.min(least_cos(self.widest));
        }
        if lowest > 1.0 + 1e-9 {
            return None;
        }
        let reach = lowest.clamp(-1.0, 1.0).acos().to_degrees() + LONGITUDE_MARGIN_DEGREES;
        Some((
            (self.longitude - reach).max(bounds.min_lng),
            (self.longitude + reach).min(bounds.max_lng),
        ))
    }
}

/// A latitude/longitude rectangle, in degrees, bounds included.
///
/// It never crosses the antimeridian: `min_lng <= max_lng` always holds, so a
/// database can search it with two `BETWEEN`s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lng: f64,
    pub max_lng: f64,
}

impl BoundingBox {
    /// The smallest box of this shape holding every point within `radius_km`
    /// of (`lat`, `lng`). A negative radius counts as zero.
    ///
    /// The longitude span is where the circle touches its tangent meridians
    /// (not simply the radius over the cosine of the latitude, which is too
    /// narrow far from the equator). Two cases are widened to all longitudes,
    /// so the box stays one rectangle:
    ///
    /// * the circle covers a pole: every meridian passes through it; the
    ///   latitude is then clamped at ±90;
    /// * the circle crosses the antimeridian (±180°): the exact answer is two
    ///   rectangles, one each side.
    ///
    /// Both happen only near the poles or in the mid-Pacific, where a wider
    /// box costs little; the exact distance is checked afterwards anyway.
    pub fn around(lat: f64, lng: f64, radius_km: f64) -> BoundingBox {
        let angular_radius = radius_km.max(0.0) / EARTH_RADIUS_KM;
        let reach_degrees = angular_radius.to_degrees() + ROUNDING_MARGIN_DEGREES;
        let min_lat = lat - reach_degrees;
        let max_lat = lat + reach_degrees;
        if min_lat <= -90.0 || max_lat >= 90.0 {
            return BoundingBox {
                min_lat: min_lat.max(-90.0),
                max_lat: max_lat.min(90.0),
                min_lng: -180.0,
                max_lng: 180.0,
            };
        }
        // The circle does not reach a pole, so sin(angular radius) is less
        // than cos(latitude) and the arcsine is defined.
        let lng_reach_degrees = (angular_radius.sin() / lat.to_radians().cos())
            .asin()
            .to_degrees()
            + ROUNDING_MARGIN_DEGREES;
        let min_lng = lng - lng_reach_degrees;
        let max_lng = lng + lng_reach_degrees;
        if min_lng < -180.0 || max_lng > 180.0 {
            return BoundingBox {
                min_lat,
                max_lat,
                min_lng: -180.0,
                max_lng: 180.0,
            };
        }
        BoundingBox {
            min_lat,
            max_lat,
            min_lng,
            max_lng,
        }
    }

    /// Whether the point is inside the box or on its edge.
    pub fn contains(&self, lat: f64, lng: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat) && (self.min_lng..=self.max_lng).contains(&lng)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTLAND: (f64, f64) = (45.5152, -122.6784);
    const SEATTLE: (f64, f64) = (47.6062, -122.3321);

    /// The point `distance_km` away from (`lat`, `lng`) heading `bearing`
    /// degrees clockwise from north, on the same sphere as `distance_km`.
    fn destination(lat: f64, lng: f64, bearing: f64, distance: f64) -> (f64, f64) {
        let (lat, lng, bearing) = (lat.to_radians(), lng.to_radians(), bearing.to_radians());
        let angle = distance / EARTH_RADIUS_KM;
        let lat2 = (lat.sin() * angle.cos() + lat.cos() * angle.sin() * bearing.cos()).asin();
        let lng2 = lng
            + (bearing.sin() * angle.sin() * lat.cos()).atan2(angle.cos() - lat.sin() * lat2.sin());
        // Back into -180..=180.
        let lng2 = (lng2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
        (lat2.to_degrees(), lng2)
    }

    fn assert_close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not within {tolerance} of {expected}"
        );
    }

    #[test]
    fn portland_to_seattle_is_about_233_km() {
        let distance = distance_km(PORTLAND.0, PORTLAND.1, SEATTLE.0, SEATTLE.1);
        assert_close(distance, 233.0, 233.0 * 0.01);
    }

    #[test]
    fn distance_is_symmetric() {
        let there = distance_km(PORTLAND.0, PORTLAND.1, SEATTLE.0, SEATTLE.1);
        let back = distance_km(SEATTLE.0, SEATTLE.1, PORTLAND.0, PORTLAND.1);
        assert_close(there, back, 1e-9);
    }

    #[test]
    fn distance_to_the_same_point_is_zero() {
        assert_eq!(
            distance_km(PORTLAND.0, PORTLAND.1, PORTLAND.0, PORTLAND.1),
            0.0
        );
    }

    #[test]
    fn antipodes_are_half_the_circumference_apart() {
        let half_circumference = std::f64::consts::PI * EARTH_RADIUS_KM;
        assert_close(half_circumference, 20015.1, 0.1);
        assert_close(
            distance_km(45.0, 10.0, -45.0, -170.0),
            half_circumference,
            1e-6,
        );
        assert_close(distance_km(90.0, 0.0, -90.0, 0.0), half_circumference, 1e-6);
        assert!(!distance_km(0.0, 0.0, 0.0, 180.0).is_nan());
    }

    #[test]
    fn one_degree_of_longitude_shrinks_with_latitude() {
        let at_equator = distance_km(0.0, 0.0, 0.0, 1.0);
        let at_sixty = distance_km(60.0, 0.0, 60.0, 1.0);
        assert_close(at_equator, 111.195, 0.001);
        // Along a parallel the great circle is slightly shorter than half.
        assert!(at_sixty < at_equator / 2.0 && at_sixty > at_equator / 2.0 - 0.01);
    }

    #[test]
    fn distance_across_the_antimeridian_is_short() {
        let distance = distance_km(0.0, 179.5, 0.0, -179.5);
        assert_close(distance, 111.195, 0.001);
    }

    #[test]
    fn radius_edge() {
        let (lat, lng) = PORTLAND;
        for bearing in [0.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0] {
            let (inside_lat, inside_lng) = destination(lat, lng, bearing, 9.99);
            let (outside_lat, outside_lng) = destination(lat, lng, bearing, 10.01);
            assert!(distance_km(lat, lng, inside_lat, inside_lng) <= 10.0);
            assert!(distance_km(lat, lng, outside_lat, outside_lng) > 10.0);
            assert!(BoundingBox::around(lat, lng, 10.0).contains(inside_lat, inside_lng));
        }
        // Straight north and east the box is tight, so just beyond is out.
        let bounds = BoundingBox::around(lat, lng, 10.0);
        let (north_lat, north_lng) = destination(lat, lng, 0.0, 10.01);
        assert!(!bounds.contains(north_lat, north_lng));
        let east = destination(lat, lng, 90.0, 10.01);
        assert!(!bounds.contains(lat, east.1));
    }

    #[test]
    fn box_holds_every_point_on_the_circle() {
        let radius = 250.0;
        for (lat, lng) in [
            (0.0, 0.0),
            (45.5, -122.7),
            (-33.9, 151.2),
            (70.0, 20.0),
            (-80.0, 0.0),
        ] {
            let bounds = BoundingBox::around(lat, lng, radius);
            for step in 0..360 {
                let (edge_lat, edge_lng) = destination(lat, lng, f64::from(step), radius);
                assert!(
                    bounds.contains(edge_lat, edge_lng),
                    "{bounds:?} around ({lat}, {lng}) misses ({edge_lat}, {edge_lng})"
                );
            }
        }
    }

    #[test]
    fn box_is_wider_in_longitude_away_from_the_equator() {
        let at_equator = BoundingBox::around(0.0, 0.0, 100.0);
        let at_sixty = BoundingBox::around(60.0, 0.0, 100.0);
        let degrees = (100.0 / EARTH_RADIUS_KM).to_degrees();
        assert_close(at_equator.max_lat, degrees, 1e-6);
        assert_close(at_equator.max_lng, degrees, 1e-6);
        assert_close(at_sixty.max_lat - 60.0, degrees, 1e-6);
        assert!(at_sixty.max_lng > 1.99 * degrees && at_sixty.max_lng < 2.01 * degrees);
        assert!(!at_equator.contains(0.0, 1.0));
        assert!(at_sixty.contains(60.0, 1.0));
    }

    #[test]
    fn a_radius_holds_exactly_the_points_its_distance_does() {
        let origin = Position::new(45.5152, -122.6784);
        let mut checked = 0;
        for km in [0.5, 10.0, 25.0, 499.9] {
            let radius = Radius::new(km);
            for bearing in [0.0_f64, 73.0, 181.0, 300.0] {
                // Steps of a few nanometres either side of the edge.
                for step in -40..=40 {
                    let reach = km * (1.0 + step as f64 * 1e-12);
                    let (lat, lng) = destination(45.5152, -122.6784, bearing, reach);
                    let point = Position::new(lat, lng);
                    let inside = distance_km(45.5152, -122.6784, lat, lng) <= km;
                    assert_eq!(radius.contains(origin.chord_squared_to(&point)), inside);
                    checked += usize::from(inside);
                }
            }
        }
        assert!(
            checked > 100 && checked < 4 * 4 * 81,
            "both sides are checked: {checked}"
        );
    }

    #[test]
    fn longitudes_between_latitudes_hold_every_point_of_the_circle_there() {
        let mut checked = 0;
        for (lat, lng) in [(45.5, -122.7), (-33.9, 151.2), (0.0, 0.0), (64.1, -21.9)] {
            for radius_km in [1.0, 25.0, 300.0] {
                let circle = Circle::new(lat, lng, radius_km);
                for bearing in (0..360).step_by(7) {
                    for tenth in 1..=10 {
                        let reach = radius_km * f64::from(tenth) / 10.0;
                        let (p_lat, p_lng) = destination(lat, lng, f64::from(bearing), reach);
                        // A band a little taller than the search index's.
                        let south = (p_lat * 8.0).floor() / 8.0;
                        let (west, east) = circle
                            .longitudes_between(south, south + 0.125)
                            .expect("the circle reaches its own points' latitudes");
                        assert!(
                            (west..=east).contains(&p_lng),
                            "{p_lat},{p_lng} in {circle:?}: {west}..{east}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 3 * 52 * 10);
        let portland = Circle::new(45.5, -122.7, 25.0);
        assert_eq!(portland.longitudes_between(46.0, 46.1), None, "55 km north");
        let (west, east) = portland.longitudes_between(45.7, 45.8).unwrap();
        let (box_west, box_east) = portland.longitudes_between(45.5, 45.6).unwrap();
        assert!(
            east - west < (box_east - box_west) / 2.0,
            "narrower near the edge"
        );
    }

    #[test]
    fn box_around_a_pole_takes_all_longitudes() {
        // 89.95° N is about 5.6 km from the pole, so 10 km covers it.
        let bounds = BoundingBox::around(89.95, 10.0, 10.0);
        assert_eq!(bounds.max_lat, 90.0);
        assert_eq!((bounds.min_lng, bounds.max_lng), (-180.0, 180.0));
        assert!(bounds.contains(89.99, -170.0));
        assert!(!bounds.contains(89.8, 10.0));

        let south = BoundingBox::around(-89.99, 0.0, 5.0);
        assert_eq!(south.min_lat, -90.0);
        assert_eq!((south.min_lng, south.max_lng), (-180.0, 180.0));
    }

    #[test]
    fn box_across_the_antimeridian_takes_all_longitudes() {
        // Fiji: 50 km east of 179.8° E is past 180°.
        let bounds = BoundingBox::around(-17.7, 179.8, 50.0);
        assert_eq!((bounds.min_lng, bounds.max_lng), (-180.0, 180.0));
        assert!(bounds.contains(-17.7, -179.9));
        assert!(!bounds.contains(-16.0, 179.8), "latitude is still limited");
        assert!(bounds.min_lat > -18.2 && bounds.max_lat < -17.2);

        let west = BoundingBox::around(60.0, -179.9, 20.0);
        assert_eq!((west.min_lng, west.max_lng), (-180.0, 180.0));
    }

    #[test]
    fn box_near_but_not_across_the_antimeridian_stays_narrow() {
        let bounds = BoundingBox::around(0.0, 179.0, 50.0);
        assert!(bounds.min_lng > 178.0 && bounds.max_lng < 180.0);
        assert!(!bounds.contains(0.0, -179.9));
    }

    #[test]
    fn zero_or_negative_radius_is_the_point_itself() {
        for radius in [0.0, -5.0] {
            let bounds = BoundingBox::around(10.0, 20.0, radius);
            assert!(bounds.contains(10.0, 20.0));
            assert!(!bounds.contains(10.0001, 20.0));
            assert!(!bounds.contains(10.0, 20.0001));
        }
    }
}
