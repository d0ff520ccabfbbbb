//! The shop's orders (issue #17): an orders export (Shopify's, or any CSV with a code, an amount
//! and a date column) read in time slices with a progress bar so the page stays responsive, a
//! preview with the columns it found (each one changeable, a missing one named), the imported
//! files (importing one again replaces it), the attribution window and the exchange rates.

use leptos::prelude::*;

use crate::domain::campaign::attribution::{attribute, Role, DEFAULT_WINDOW_DAYS};
use crate::domain::io::csv_import::{
    OrdersImportError, OrdersPreview, OrdersSession, MAX_ORDER_BYTES,
};
use crate::domain::text::choice::Choice;
use crate::domain::text::format::{group_thousands, money, plural};
use crate::domain::text::number::parse_optional_amount;
use crate::ui::app::clock::now_ms;
use crate::ui::campaign::inputs::{campaign_id, shortlisted, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::import_preview::{FileField, MappingRow, PreviewFrame};
use crate::ui::widgets::import_session;
use crate::ui::widgets::section::StatusLine;
use crate::ui::widgets::table::ScrollTable;

/// Rows read between two looks at the clock: well under a millisecond.
const BATCH_ROWS: usize = 500;
/// Orders shown in the preview.
const PREVIEW_ORDERS: usize = 5;

/// Where the orders go: the campaign they are credited in, and its store.
#[derive(Clone, Copy)]
struct Destination {
    store: CampaignsStore,
    campaign: CampaignMemo,
}

/// The import's signals, copied into each scheduled slice; the report is the summary line.
type Importer = import_session::Importer<OrdersSession, OrdersPreview, String, Destination>;

impl Importer {
    fn start(self, session: Result<OrdersSession, OrdersImportError>) {
        self.open(session, |s| s.preview(PREVIEW_ORDERS));
    }

    fn remap(self, index: usize, role: Option<Role>) {
        let p = self.with_session(|s| {
            let _ = s.remap(index, role);
            s.preview(PREVIEW_ORDERS)
        });
        if p.is_some() {
            self.preview.set(p);
        }
    }

    fn run(self) {
        let ready = self
            .session
            .with_value(|s| s.as_ref().map(OrdersSession::ready));
        if let Some(Err(e)) = ready {
            self.error.set(Some(e.to_string()));
            return;
        }
        // The bar shows before any reading, and full before the long last step.
        self.read_in_slices(BATCH_ROWS, move |session| self.finish(session));
    }

    /// Sorts the orders out against the campaign's codes and stores the file's summary.
    fn finish(self, session: OrdersSession) {
        let Some(c) = self.state.campaign.get_untracked() else {
            return;
        };
        let codes = c.attribution.code_keys(&c.creators);
        let file = session.finish(&codes, now_ms());
        let mut summary = format!(
            "Imported “{}”: {}, {}; {} with a creator's code, {} with other codes, {} without a code.",
            file.name,
            plural(file.rows, "row", "rows"),
            plural(file.orders, "order", "orders"),
            group_thousands(file.matched.len() as u64),
            group_thousands(file.unmatched.iter().map(|u| u.orders).sum::<usize>() as u64),
            group_thousands(file.without_code as u64),
        );
        if file.unreadable_count > 0 {
            summary.push_str(&format!(
                " {} could not be read and are not counted (listed under the results).",
                plural(file.unreadable_count, "order", "orders")
            ));
        }
        if codes.is_empty() {
            summary.push_str(" No creator has a code yet, so no order could be credited: generate the codes above, then import the file again.");
        }
        let mut outcome = Ok(false);
        self.state.store.edit(&c.id, |k| {
            outcome = k.attribution.import_file(file);
        });
        self.progress.set(None);
        match outcome {
            Ok(replaced) => {
                if replaced {
                    summary.push_str(" It replaced the earlier import of the same file.");
                }
                self.report.set(Some(summary));
            }
            Err(e) => self.error.set(Some(format!("Not imported: {e}"))),
        }
    }
}

#[component]
pub fn OrdersView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let creators = shortlisted();
    let importer = Importer::new(Destination { store, campaign });
    let id = campaign_id(campaign);
    let first = campaign.get_untracked().unwrap_or_default();
    let window = RwSignal::new(first.attribution.window_days.to_string());
    let window_error = Signal::derive(move || {
        let t = window.get();
        match t.trim().parse::<u32>() {
            Ok(d) if d <= 365 => None,
            _ => Some(format!(
                "Write a whole number of days from 0 to 365 (the default is {DEFAULT_WINDOW_DAYS})."
            )),
        }
    });

    let on_file = move |ev: leptos::ev::Event| {
        importer.read_file(
            &ev,
            MAX_ORDER_BYTES,
            |bytes| importer.start(Err(OrdersImportError::TooLarge { bytes })),
            move |name, bytes| importer.start(OrdersSession::from_file(name, bytes)),
        );
    };

    let preview_view =
        move || {
            importer.preview.get().map(|p| {
            let mapping = p
                .columns
                .headers
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    // Shopify's 70-odd columns: show the ones read, plus every one when a
                    // required column is missing, so it can be chosen.
                    !p.missing.is_empty() || p.columns.role_of(*i).is_some()
                })
                .map(|(index, header)| {
                    let current = p.columns.role_of(index);
                    view! {
                        <MappingRow
                            index=index
                            header=header.clone()
                            id=format!("orders-map-{index}")
                            reads_as="is read as"
                            on_change=move |v: String| importer.remap(index, Role::parse(&v))
                        >
                            <option value="" selected=current.is_none()>
                                "Not used"
                            </option>
                            {Role::ALL
                                .iter()
                                .map(|r| {
                                    view! {
                                        <option value=r.id() selected=current == Some(*r)>
                                            {r.label()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </MappingRow>
                    }
                })
                .collect_view();
            let orders = p
                .orders
                .iter()
                .map(|o| {
                    let total = match &o.total {
                        Ok(t) => money(Some(*t), ""),
                        Err(e) => format!("unreadable: {e}"),
                    };
                    let date = match &o.date {
                        Ok(d) => d.to_string(),
                        Err(e) => format!("unreadable: {e}"),
                    };
                    view! {
                        <tr>
                            <td>{o.line.to_string()}</td>
                            <td>{o.key.clone()}</td>
                            <td>
                                {if o.codes.is_empty() {
                                    "none".to_string()
                                } else {
                                    o.codes.clone()
                                }}
                            </td>
                            <td>{total}</td>
                            <td>{o.currency.clone()}</td>
                            <td>{date}</td>
                            <td>{format!("{:?}", o.state).to_lowercase()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let total = p.total_rows;
            let about = format!(
                "{}Separator: {}. {} to read.",
                if p.columns.shopify { "A Shopify orders export. " } else { "" },
                p.delimiter.label(),
                plural(total, "row", "rows"),
            );
            view! {
                <PreviewFrame
                    class="import-preview orders-preview"
                    nested=true
                    about=about
                    encoding=p.encoding
                    encoding_warning=p.encoding_warning.clone()
                    problems=p.missing.clone()
                    rows=total
                    on_import=move || importer.run()
                    on_cancel=move || importer.cancel()
                >
                    <ScrollTable
                        label="Orders columns"
                        caption="Which column gives what"
                        heads=&["#", "Header in the file", "Read as"]
                    >
                        {mapping}
                    </ScrollTable>
                    <ScrollTable
                        label="First orders"
                        caption=format!("The first {} orders, as they will be read", p.orders.len())
                        heads=&["Line", "Order", "Code", "Total", "Currency", "Date", "State"]
                    >
                        {orders}
                    </ScrollTable>
                </PreviewFrame>
            }
        })
        };

    let files_view = move || {
        let files = campaign.with(|c| {
            c.as_ref()
                .map(|c| c.attribution.files.clone())
                .unwrap_or_default()
        });
        (!files.is_empty()).then(|| {
            let rows = files
                .into_iter()
                .map(|f| {
                    let name = f.name.clone();
                    let label = format!("Remove “{}” and its orders", f.name);
                    view! {
                        <tr>
                            <th scope="row">{f.name.clone()}</th>
                            <td>{crate::domain::text::format::date_stamp(f.imported_at)}</td>
                            <td>{group_thousands(f.rows as u64)}</td>
                            <td>{group_thousands(f.orders as u64)}</td>
                            <td>{group_thousands(f.matched.len() as u64)}</td>
                            <td>
                                <button
                                    type="button"
                                    class="button secondary"
                                    aria-label=label
                                    on:click=move |_| {
                                        let n = name.clone();
                                        store.edit(&id(), move |c| c.attribution.remove_file(&n));
                                    }
                                >
                                    "Remove"
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <ScrollTable
                    label="Imported orders files"
                    class="orders-files"
                    caption="Imported orders files (importing a file of the same name again replaces it)"
                    heads=&["File", "Imported", "Rows", "Orders", "With a creator's code", "Remove"]
                >
                    {rows}
                </ScrollTable>
            }
        })
    };

    // Currencies that need a rate: in stored orders without one, creators paid in another
    // currency, and those with a rate already.
    let rate_currencies = Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| {
            let Some(c) = c.as_ref() else {
                return Vec::new();
            };
            let mut list: Vec<String> = attribute(c).excluded.no_rate.keys().cloned().collect();
            for m in c.members(&all).0 {
                if let Some(cur) = m.currency.as_ref().filter(|x| **x != c.currency) {
                    list.push(cur.clone());
                }
            }
            list.extend(c.attribution.rates.iter().map(|r| r.currency.clone()));
            list.sort();
            list.dedup();
            list
        })
    });
    let rates_view = move || {
        let list = rate_currencies.get();
        let base =
            campaign.with_untracked(|c| c.as_ref().map(|c| c.currency.clone()).unwrap_or_default());
        (!list.is_empty()).then(|| {
            list.into_iter()
                .map(|cur| {
                    let start = campaign.with_untracked(|c| {
                        c.as_ref()
                            .and_then(|c| c.attribution.rate_of(&cur))
                            .map(|r| r.to_string())
                            .unwrap_or_default()
                    });
                    let text = RwSignal::new(start);
                    let error = Signal::derive(move || {
                        parse_optional_amount(&text.get()).err().map(|e| e.to_string())
                    });
                    let cur2 = cur.clone();
                    view! {
                        <TextField
                            id=format!("rate-{cur}")
                            label=format!("1 {cur} in {base}")
                            value=text
                            inputmode="decimal"
                            error=error
                            help=format!(
                                "Typed by you (no rate is fetched: the app works offline). Empty: orders and prices in {cur} are not counted, and listed.",
                            )
                            on_input=move |v: String| {
                                if let Ok(r) = parse_optional_amount(&v) {
                                    let r = r.filter(|r| *r > 0.0);
                                    let c = cur2.clone();
                                    store.edit(&id(), move |k| k.attribution.set_rate(&c, r));
                                }
                            }
                        />
                    }
                })
                .collect_view()
        })
    };

    view! {
        <Part
            id="campaign-orders-title"
            class="campaign-orders"
            title="Orders from the shop"
            intro="Import the shop's orders export (Shopify: Orders › Export › CSV), or any orders CSV with a discount code, an amount and a date column. Orders are credited to the creator whose code they used; the file stays on this device."
        >
            <form class="fields campaign-form" on:submit=|ev| ev.prevent_default()>
                <FileField
                    id="orders-file"
                    label="Orders file (CSV)"
                    accept=".csv,.tsv,.txt,text/csv,text/plain"
                    on_change=on_file
                />
                <TextField
                    id="orders-window"
                    label="Attribution window (days after the end)"
                    value=window
                    inputmode="numeric"
                    error=window_error
                    help="Orders placed from the start date to this many days after the end date count (both days included); later ones are listed as outside the window."
                    on_input=move |v: String| {
                        if let Ok(d) = v.trim().parse::<u32>() {
                            if d <= 365 {
                                store.edit(&id(), move |c| c.attribution.window_days = d);
                            }
                        }
                    }
                />
                {rates_view}
            </form>
            {importer
                .feedback(
                    Some("campaign-form"),
                    preview_view,
                    "orders-progress",
                    "Reading orders",
                    "Stop reading",
                )}
            <StatusLine class="status orders-summary" text=importer.report />
            {files_view}
        </Part>
    }
}
