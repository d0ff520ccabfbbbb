//! A month laid out for the month view: whole weeks from Monday to Sunday (ISO 8601), each day
//! with the deliverables due on it, marked when it is today or outside the month.

use crate::campaign::calendar::item::Deliverable;
use crate::text::date::{month_name, Date};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    /// The month `date` falls in.
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Its first day (`None` only for a month outside the dates the app handles).
    pub fn first(self) -> Option<Date> {
        Date::new(self.year, self.month, 1)
    }

    /// The month before; stays put at year 1.
    pub fn previous(self) -> Month {
        match self.month {
            1 if self.year > 1 => Month {
                year: self.year - 1,
                month: 12,
            },
            1 => self,
            m => Month {
                year: self.year,
                month: m - 1,
            },
        }
    }

    /// The month after; stays put at year 9999.
    pub fn next(self) -> Month {
        match self.month {
            12 if self.year < 9999 => Month {
                year: self.year + 1,
                month: 1,
            },
            12 => self,
            m => Month {
                year: self.year,
                month: m + 1,
            },
        }
    }

    /// "May 2026".
    pub fn label(self) -> String {
        format!("{} {}", month_name(self.month), self.year)
    }

    /// `date` moved into this month: the same day, or the month's last day when it has fewer
    /// (keyboard paging from 31 January lands on 28 or 29 February).
    pub fn clamp(self, day: u8) -> Option<Date> {
        let last = self.first()?.days_in_month();
        Date::new(self.year, self.month, day.min(last))
    }
}

/// One day of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Day<'a> {
    pub date: Date,
    /// False for the days of the months before and after that fill the first and last week.
    pub in_month: bool,
    pub is_today: bool,
    /// Due that day, in list order.
    pub items: Vec<&'a Deliverable>,
}

/// The weeks of `month`, each of 7 days from Monday; 4 to 6 weeks.
pub fn month_grid(month: Month, items: &[Deliverable], today: Date) -> Vec<[Day<'_>; 7]> {
    let Some(first) = month.first() else {
        return Vec::new();
    };
    let start = first.day_number() - i64::from(first.weekday());
    let last = first.day_number() + i64::from(first.days_in_month()) - 1;
    let mut weeks = Vec::new();
    let mut week_start = start;
    while week_start <= last {
        let week: [Day; 7] = std::array::from_fn(|i| {
            let date = Date::from_day_number(week_start + i as i64).unwrap_or(first);
            Day {
                date,
                in_month: Month::of(date) == month,
                is_today: date == today,
                items: items.iter().filter(|d| d.date == Some(date)).collect(),
            }
        });
        weeks.push(week);
        week_start += 7;
    }
    weeks
}

/// The two-letter weekday names, Monday first, for the grid's column headers (with the full
/// name for screen readers).
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("Mo", "Monday"),
    ("Tu", "Tuesday"),
    ("We", "Wednesday"),
    ("Th", "Thursday"),
    ("Fr", "Friday"),
    ("Sa", "Saturday"),
    ("Su", "Sunday"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_default()
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        // (month, weeks, first day shown, last day shown)
        let cases = [
            // May 2026 starts on a Friday and ends on a Sunday.
            ((2026, 5), 5, "2026-04-27", "2026-05-31"),
            // February 2027 starts on a Monday and has exactly four weeks.
            ((2027, 2), 4, "2027-02-01", "2027-02-28"),
            // August 2026 starts on a Saturday and ends on a Monday: six weeks.
            ((2026, 8), 6, "2026-07-27", "2026-09-06"),
            // A leap February.
            ((2028, 2), 5, "2028-01-31", "2028-03-05"),
        ];
        for ((year, month), weeks, first, last) in cases {
            let m = Month { year, month };
            let grid = month_grid(m, &[], d("2026-05-07"));
            assert_eq!(grid.len(), weeks, "{}", m.label());
            assert_eq!(grid[0][0].date, d(first), "{}", m.label());
            assert_eq!(grid[weeks - 1][6].date, d(last), "{}", m.label());
            assert!(grid.iter().all(|w| w[0].date.weekday() == 0));
            let inside = grid.iter().flatten().filter(|x| x.in_month).count();
            assert_eq!(
                inside,
                usize::from(m.first().map_or(0, |f| f.days_in_month()))
            );
        }
    }

    #[test]
    fn items_land_on_their_day_and_today_is_marked() {
        let item = |id: &str, date: &str| Deliverable {
            id: id.into(),
            date: Date::parse(date).ok(),
            ..Deliverable::default()
        };
        let items = [
            item("a", "2026-05-04"),
            item("b", "2026-05-04"),
            item("c", "2026-06-01"),
        ];
        let grid = month_grid(
            Month {
                year: 2026,
                month: 5,
            },
            &items,
            d("2026-05-07"),
        );
        let days: Vec<&Day> = grid.iter().flatten().collect();
        let may4 = days.iter().find(|x| x.date == d("2026-05-04"));
        let ids: Vec<&str> =
            may4.map_or(vec![], |x| x.items.iter().map(|i| i.id.as_str()).collect());
        assert_eq!(ids, vec!["a", "b"]);
        // 1 June is not in May's grid (May ends on a Sunday).
        assert!(days.iter().all(|x| x.items.iter().all(|i| i.id != "c")));
        let today: Vec<Date> = days.iter().filter(|x| x.is_today).map(|x| x.date).collect();
        assert_eq!(today, vec![d("2026-05-07")]);
    }

    #[test]
    fn months_step_and_clamp() {
        let jan = Month {
            year: 2026,
            month: 1,
        };
        assert_eq!(
            jan.previous(),
            Month {
                year: 2025,
                month: 12
            }
        );
        assert_eq!(jan.previous().next(), jan);
        assert_eq!(
            Month {
                year: 2026,
                month: 12
            }
            .next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(jan.label(), "January 2026");
        assert_eq!(
            Month {
                year: 2028,
                month: 2
            }
            .clamp(31),
            Some(d("2028-02-29"))
        );
        assert_eq!(
            Month {
                year: 2026,
                month: 2
            }
            .clamp(31),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            Month::of(d("2026-05-31")),
            Month {
                year: 2026,
                month: 5
            }
        );
    }
}
