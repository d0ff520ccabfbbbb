//! What every part of the campaign plan reads: the open campaign (a memo) and the shortlisted creators.

use leptos::prelude::*;

use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::Creator;
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::date::Date;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::state::ShortlistStore;

/// The open campaign, or none while it is being deleted.
pub type CampaignMemo = Memo<Option<Campaign>>;

/// The open campaign's id (empty while it is being deleted), read without tracking: the id a
/// part's edits pass to `CampaignsStore::edit`.
pub fn campaign_id(campaign: CampaignMemo) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || campaign.with_untracked(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default())
}

/// Puts `item` in `list` (at the end) or takes it out: a ticked or unticked checkbox of a list.
pub fn set_member<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}

/// The shortlisted creators, or none when the shortlist is not provided (e.g. a test).
pub fn shortlisted() -> Signal<Vec<Creator>> {
    let state = use_context::<ShortlistStore>();
    Signal::derive(move || {
        state
            .map(|s| s.list.with(|l| l.creators().to_vec()))
            .unwrap_or_default()
    })
}

/// The campaign's creators as (id, name), in campaign order, for its selects and lists; an id no
/// longer on the shortlist shows as itself.
pub fn creator_names(
    creators: Signal<Vec<Creator>>,
    campaign: CampaignMemo,
) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.creators
                        .iter()
                        .map(|id| {
                            let name = all
                                .iter()
                                .find(|x| &x.id == id)
                                .map_or_else(|| id.clone(), |x| x.name.clone());
                            (id.clone(), name)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// What `make` draws from the open campaign and the shortlisted creators, kept up to date; none
/// while the campaign is being deleted.
pub fn from_campaign<T>(
    campaign: CampaignMemo,
    make: impl Fn(&Campaign, &[Creator]) -> T + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    let creators = shortlisted();
    Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| c.as_ref().map(|c| make(c, &all)))
    })
}

/// The date typed in `text`, or none with the reason ("Date: …") in `error`: the first check of a
/// form that adds a dated entry.
pub fn typed_date(text: RwSignal<String>, error: RwSignal<Option<String>>) -> Option<Date> {
    match Date::parse(&text.get_untracked()) {
        Ok(d) => Some(d),
        Err(e) => {
            error.set(Some(format!("Date: {e}")));
            None
        }
    }
}

/// [`from_campaign`] for what also depends on the risk thresholds (the brief, the vetting record,
/// the checklist): made again when they change too.
pub fn from_campaign_and_thresholds<T>(
    campaign: CampaignMemo,
    make: impl Fn(&Campaign, &[Creator], &Thresholds) -> T + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    let limits = thresholds_signal();
    from_campaign(campaign, move |c, all| limits.with(|t| make(c, all, t)))
}
