//! The allocation table, the changes over time and the cap as the advanced editor holds them.
//! A table is often invalid while a person types it (the shares cannot sum to 100 % between two
//! keystrokes), so an edit that leaves it invalid is kept here, with its errors, beside the
//! editor: the design in state, and with it the projection on screen, stays the last valid one.
//! Pure functions: the reducer calls [`apply`], the tests call it directly.

use consumption_lab_engine::fields::{changeable, ALLOCATION_FIELDS, MAX_ALLOCATIONS, MAX_CHANGES};
use consumption_lab_engine::{default_allocations, field_errors, number, Allocation, Change, FieldError, Scenario};

/// One edit of the advanced editor. Numbers arrive as typed, in the units the editor shows
/// (percentages for shares, months for cliffs and vesting, the lever's unit for a change).
#[derive(Debug, Clone, PartialEq)]
pub enum TableEdit {
    /// A new bucket at the end, with no share yet.
    AddBucket,
    /// Remove the bucket in this row.
    RemoveBucket(usize),
    /// Rename a bucket.
    Rename(usize, String),
    /// A number typed in a bucket's column (an index of [`COLUMNS`]).
    Cell(usize, usize, String),
    /// Whether the bucket's tokens go to the treasury.
    Treasury(usize, bool),
    /// Back to the default table.
    DefaultTable,
    /// No table: every token circulates from launch.
    NoTable,
    /// A new change at the end (from year 2 on, the burn share as it stands).
    AddChange,
    /// Remove the change in this row.
    RemoveChange(usize),
    /// The month a change starts, as typed.
    ChangeMonth(usize, String),
    /// The field a change sets (its key).
    ChangeField(usize, String),
    /// The value a change sets, as typed in the field's lever units.
    ChangeValue(usize, String),
    /// Cap the supply (at twice the initial supply) or lift the cap.
    Cap(bool),
}

/// The editor's tables while they do not make a valid design, and why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableDraft {
    /// The allocation table as typed.
    pub allocations: Vec<Allocation>,
    /// The changes as typed.
    pub changes: Vec<Change>,
    /// What is wrong, each naming its row and column (`allocations[2].cliff_months`).
    pub errors: Vec<FieldError>,
}

/// A column of the allocation table as the editor shows it: its heading, its name in a cell's
/// label ("team: cliff (months)"), the scale from stored to shown units and the unit. In the
/// order of `ALLOCATION_FIELDS`.
pub static COLUMNS: [(&str, &str, f64, &str); 5] = [
    ("Share", "share", 100.0, "%"),
    ("Unlocked at launch", "unlocked at launch", 100.0, "%"),
    ("Cliff", "cliff", 1.0, "months"),
    ("Vesting after the cliff", "vesting", 1.0, "months"),
    ("Sold when unlocked", "sold when unlocked", 100.0, "%"),
];

/// The fields a change may set, as (key, label), in the order the editor lists them.
pub fn changeable_fields() -> Vec<(&'static str, &'static str)> {
    crate::levers::LEVERS.iter().filter_map(|l| changeable(l.field.key).map(|f| (f.key, f.label))).collect()
}

/// A typed number, or the error to show at `path`.
fn typed(path: &str, text: &str) -> Result<f64, FieldError> {
    let text = text.trim();
    number::parse(text)
        .filter(|v| v.is_finite())
        .ok_or_else(|| FieldError::new(path, f64::NAN, "a number", "a number", format!("\"{text}\"")))
}

/// `edit` applied to the tables of `s` (or to the draft being typed): the valid design it makes,
/// or the draft to keep, with its errors.
pub fn apply(s: &Scenario, draft: Option<&TableDraft>, edit: TableEdit) -> Result<Scenario, TableDraft> {
    let mut next = s.clone();
    if let Some(d) = draft {
        next.allocations = d.allocations.clone();
        next.changes = d.changes.clone();
    }
    // What the typing could not apply comes first; what is wrong with the tables stays said.
    let typing = edit_tables(&mut next, edit).err();
    let errors: Vec<FieldError> = typing
        .into_iter()
        .chain(
            field_errors(&next)
                .into_iter()
                .filter(|e| ["allocations", "changes", "max_supply"].iter().any(|k| e.field.starts_with(k))),
        )
        .collect();
    if errors.is_empty() && field_errors(&next).is_empty() {
        Ok(next)
    } else {
        Err(TableDraft { allocations: next.allocations, changes: next.changes, errors })
    }
}

fn edit_tables(s: &mut Scenario, edit: TableEdit) -> Result<(), FieldError> {
    match edit {
        TableEdit::AddBucket if s.allocations.len() < MAX_ALLOCATIONS => {
            let name = format!("bucket {}", s.allocations.len() + 1);
            s.allocations.push(Allocation { name, ..Allocation::default() });
        }
        TableEdit::AddBucket => {}
        TableEdit::RemoveBucket(i) if i < s.allocations.len() => {
            s.allocations.remove(i);
        }
        TableEdit::Rename(i, name) => {
            if let Some(a) = s.allocations.get_mut(i) {
                a.name = name.trim().to_owned(); // a link would trim it: keep what it keeps
            }
        }
        TableEdit::Cell(i, column, text) => {
            let (Some(field), Some((_, _, scale, _))) = (ALLOCATION_FIELDS.get(column), COLUMNS.get(column)) else {
                return Ok(());
            };
            let path = format!("allocations[{i}].{}", field.key);
            let value = typed(&path, &text)? / scale;
            // Checked before it is stored: a negative month would not survive the whole-number cast.
            if let Err(e) = field.check(if field.integer { value.round() } else { value }) {
                return Err(FieldError { field: path, ..e });
            }
            if let Some(a) = s.allocations.get_mut(i) {
                (field.set)(a, if field.integer { value.round() } else { value });
            }
        }
        TableEdit::Treasury(i, on) => {
            if let Some(a) = s.allocations.get_mut(i) {
                a.treasury = on;
            }
        }
        TableEdit::DefaultTable => s.allocations = default_allocations(),
        TableEdit::NoTable => s.allocations.clear(),
        TableEdit::AddChange if s.changes.len() < MAX_CHANGES => {
            let month = 13.min(s.months());
            s.changes.push(Change { month, field: "burn_share".into(), value: s.at_month(month).burn_share });
        }
        TableEdit::AddChange => {}
        TableEdit::RemoveChange(i) if i < s.changes.len() => {
            s.changes.remove(i);
        }
        TableEdit::ChangeMonth(i, text) => {
            let month = typed(&format!("changes[{i}].month"), &text)?;
            if let Some(c) = s.changes.get_mut(i) {
                // Out-of-range months are kept as 0 so that validation names the row.
                c.month = if (1.0..=600.0).contains(&month) { month.round() as u32 } else { 0 };
            }
        }
        TableEdit::ChangeField(i, key) => {
            let current = s.clone();
            if let (Some(c), Some(field)) = (s.changes.get_mut(i), changeable(&key)) {
                // A new field starts from its value in that month, so the change is visible at once.
                c.value = (field.get)(&current.at_month(c.month.max(1)));
                c.field = key;
            }
        }
        TableEdit::ChangeValue(i, text) => {
            let shown = typed(&format!("changes[{i}].value"), &text)?;
            if let Some(c) = s.changes.get_mut(i) {
                let lever = changeable(&c.field).and_then(crate::levers::lever_of);
                c.value = lever.map_or(shown, |l| l.stored(shown));
            }
        }
        TableEdit::Cap(on) => s.max_supply = on.then_some(2.0 * s.initial_supply),
        TableEdit::RemoveBucket(_) | TableEdit::RemoveChange(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(edits: Vec<TableEdit>) -> (Scenario, Option<TableDraft>) {
        edits.into_iter().fold((Scenario::default(), None), |(s, draft), e| match apply(&s, draft.as_ref(), e) {
            Ok(next) => (next, None),
            Err(d) => (s, Some(d)),
        })
    }

    #[test]
    fn shares_off_100_percent_stay_in_the_draft_until_they_sum_again() {
        let (s, draft) = applied(vec![TableEdit::Cell(0, 0, "15".into())]);
        assert_eq!(s, Scenario::default(), "the design on screen is the last valid one");
        let d = draft.unwrap();
        assert_eq!(d.allocations[0].share, 0.15);
        assert_eq!(d.errors[0].field, "allocations");
        assert!(d.errors[0].shown().contains("100 %"), "{}", d.errors[0].shown());
        let (s, draft) = applied(vec![TableEdit::Cell(0, 0, "15".into()), TableEdit::Cell(2, 0, "40".into())]);
        assert!(draft.is_none());
        assert_eq!((s.allocations[0].share, s.allocations[2].share), (0.15, 0.4));
    }

    #[test]
    fn rows_are_added_renamed_and_removed() {
        let (s, draft) = applied(vec![
            TableEdit::AddBucket,
            TableEdit::Rename(5, "advisors".into()),
            TableEdit::Cell(5, 0, "5".into()),
            TableEdit::Cell(2, 0, "30".into()),
            TableEdit::Cell(5, 2, "6".into()),
        ]);
        assert!(draft.is_none(), "{draft:?}");
        assert_eq!(s.allocations[5].name, "advisors");
        assert_eq!(s.allocations[5].cliff_months, 6);
        let (s, _) = applied(vec![TableEdit::NoTable]);
        assert!(s.allocations.is_empty());
        let (s, draft) = applied(vec![TableEdit::RemoveBucket(4)]);
        assert_eq!(s, Scenario::default());
        assert_eq!(draft.unwrap().allocations.len(), 4);
    }

    #[test]
    fn bad_cells_and_changes_name_their_row() {
        let (_, d) = applied(vec![TableEdit::Cell(1, 2, "200".into())]);
        assert_eq!(d.unwrap().errors[0].field, "allocations[1].cliff_months");
        let (_, d) = applied(vec![TableEdit::Cell(1, 2, "abc".into())]);
        assert_eq!(d.unwrap().errors[0].field, "allocations[1].cliff_months");
        let (_, d) = applied(vec![TableEdit::AddChange, TableEdit::ChangeMonth(0, "-3".into())]);
        assert_eq!(d.unwrap().errors[0].field, "changes[0].month");
        let (s, d) = applied(vec![
            TableEdit::AddChange,
            TableEdit::ChangeField(0, "protocol_take".into()),
            TableEdit::ChangeValue(0, "40".into()),
        ]);
        assert!(d.is_none(), "{d:?}");
        assert_eq!((s.changes[0].month, s.changes[0].field.as_str(), s.changes[0].value), (13, "protocol_take", 0.4));
        let (_, d) = applied(vec![TableEdit::AddChange, TableEdit::ChangeValue(0, "90".into())]);
        assert_eq!(d.unwrap().errors[0].field, "changes[0].value", "burn 90 % + stakers 30 %");
    }

    #[test]
    fn the_cap_is_set_and_lifted() {
        let (s, _) = applied(vec![TableEdit::Cap(true)]);
        assert_eq!(s.max_supply, Some(2e9));
        let (s, _) = applied(vec![TableEdit::Cap(true), TableEdit::Cap(false)]);
        assert_eq!(s.max_supply, None);
    }
}
