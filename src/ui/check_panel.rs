//! "Check a creator": platform and followers in, tier with its bounds and meaning out.

use leptos::prelude::*;

use crate::domain::number::parse_count;
use crate::domain::tier::TIERS;
use crate::domain::{Platform, Tier};

#[component]
pub fn CheckPanel() -> impl IntoView {
    let platform = RwSignal::new(Platform::TikTok);
    let followers_text = RwSignal::new(String::new());
    let followers = Memo::new(move |_| parse_count(&followers_text.get()));
    let touched = RwSignal::new(false);
    // The message is shown once the user has typed: an empty field at first is a prompt, not an error.
    let error = move || match followers.get() {
        Err(e) if touched.get() => Some(e.to_string()),
        _ => None,
    };
    let tier = move || followers.get().ok().map(Tier::for_followers);
    let noun = move || platform.get().audience_noun();

    view! {
        <section class="panel" aria-labelledby="check-title">
            <h2 id="check-title">"Check a creator"</h2>
            <p class="lede">
                "Paste numbers as you see them: 45,000, 45 000, 12.5K or 1.2M all work."
            </p>
            <form class="fields" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="check-platform">"Platform"</label>
                    <select
                        id="check-platform"
                        on:change=move |ev| {
                            if let Some(p) = Platform::parse(&event_target_value(&ev)) {
                                platform.set(p);
                            }
                        }
                    >
                        {Platform::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.id() selected=move || platform.get() == p>
                                        {p.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="check-followers">"Followers"</label>
                    <input
                        id="check-followers"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="e.g. 45K"
                        aria-describedby="check-followers-help check-followers-error"
                        aria-invalid=move || error().is_some().then_some("true")
                        prop:value=move || followers_text.get()
                        on:input=move |ev| {
                            touched.set(true);
                            followers_text.set(event_target_value(&ev));
                        }
                    />
                    <p id="check-followers-help" class="help">
                        {move || format!("The account's {} count.", noun())}
                    </p>
                    <p id="check-followers-error" class="error" role="alert">
                        {error}
                    </p>
                </div>
            </form>
            <div class="result" aria-live="polite">
                {move || match tier() {
                    Some(t) => {
                        view! {
                            <p class="tier-headline" data-tier=t.id()>
                                {t.headline(noun())}
                            </p>
                            <p class="tier-meaning">{t.info().meaning}</p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="placeholder">
                                "Enter a follower count to see the creator's tier."
                            </p>
                        }
                            .into_any()
                    }
                }}
            </div>
            <details class="thresholds">
                <summary>"Tier thresholds"</summary>
                <p>
                    "Tiers are an industry convention, not a standard; lower bounds are inclusive (10,000 is micro)."
                </p>
                <table>
                    <caption class="visually-hidden">"Follower count range of each tier"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Tier"</th>
                            <th scope="col">"Range"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {TIERS
                            .iter()
                            .map(|row| {
                                let current = move || (tier() == Some(row.tier)).then_some("true");
                                view! {
                                    <tr class:current=move || current().is_some()>
                                        <th scope="row">{row.name}</th>
                                        <td>{move || row.tier.bounds_label(noun())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
