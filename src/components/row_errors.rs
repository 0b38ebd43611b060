//! The errors of the advanced editor's tables, each said with its row as a person counts it
//! ("Row 3 (ecosystem), cliff: must be at most the horizon, 120 months; got 130 months.").

use consumption_lab_engine::FieldError;
use yew::prelude::*;

/// Props of [`RowErrors`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The errors, each naming its path (`allocations[2].cliff_months`, `changes[0].month`).
    pub errors: Vec<FieldError>,
    /// The rows' names, for saying which row (buckets have names; changes do not).
    #[prop_or_default]
    pub names: Vec<String>,
}

/// Whether any error is about `path`.
pub fn path_has_error(errors: &[FieldError], path: &str) -> bool {
    errors.iter().any(|e| e.field == path)
}

/// "allocations[2].cliff_months" → ("Row 3 (ecosystem)", "cliff months"); other paths as they are.
fn where_(path: &str, names: &[String]) -> String {
    let Some((table, rest)) = path.split_once('[') else {
        return if path == "allocations" { "Shares".to_owned() } else { path.replace('_', " ") };
    };
    let Some((index, column)) = rest.split_once("].") else { return path.to_owned() };
    let row: usize = index.bytes().fold(0, |n, b| n * 10 + usize::from(b.wrapping_sub(b'0')));
    let what = if table == "changes" { "Change" } else { "Row" };
    match names.get(row) {
        Some(name) => format!("{what} {} ({name}), {}", row + 1, column.replace('_', " ")),
        None => format!("{what} {}, {}", row + 1, column.replace('_', " ")),
    }
}

/// See the module doc.
#[component]
pub fn RowErrors(props: &Props) -> Html {
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="row-errors" role="alert">
            for e in props.errors.iter() {
                <li>{ format!("{}: {}", where_(&e.field, &props.names), e.shown()) }</li>
            }
        </ul>
    }
}
