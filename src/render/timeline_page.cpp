// timeline/index.html, the home page's compact timeline and a round's surroundings
// (CONTENT-MODEL.md, "Output"; docs/rounds-and-timelines.md).
#include "render/timeline_page.h"

#include <algorithm>
#include <tuple>

#include "render/timeline_svg.h"

namespace travaux::render {

namespace {

using model::Date;
using model::Document;
using model::Kind;

enum Lane { kRounds = 0, kDrafts = 1, kLetters = 2 };

/// The events of the process: rounds by number, drafts in version order, letters by date.
struct Events {
  std::vector<const Document*> docs;
  std::vector<TimelineItem> items;
};

std::string round_name(const Document& r) { return "Round " + std::to_string(r.number.value_or(0)); }

std::string dates_of(const Document& d) {
  if (d.kind == Kind::round && d.end && *d.end != d.date) return d.date.human() + " – " + d.end->human();
  return d.date.human();
}

/// Hover and focus text: what it is and when.
std::string mark_title(const Document& d) {
  if (d.kind == Kind::round) return round_name(d) + ": " + dates_of(d);
  return d.display_name() + ", " + d.date.human();
}

/// Everything on the axis, optionally only what falls within [from, to].
Events collect(const RenderInput& in, std::optional<Date> from = {}, std::optional<Date> to = {}) {
  Events e;
  auto add = [&](const Document* d, int lane) {
    const Date last = d->kind == Kind::round ? d->end.value_or(d->date) : d->date;
    if ((from && last < *from) || (to && d->date > *to)) return;
    e.docs.push_back(d);
    TimelineItem item{d->date, std::nullopt, lane};
    if (d->kind == Kind::round) item.last = last;
    e.items.push_back(item);
  };
  // Drafts and letters last as long as their date: a window takes those dated within it, found
  // by binary search and then put back in their own order.
  auto add_dated = [&](const std::vector<const Document*>& docs, const std::vector<std::uint32_t>& by_date, int lane) {
    if (!from && !to) {
      for (const auto* d : docs) add(d, lane);
      return;
    }
    auto date_of = [&](std::uint32_t p) -> const Date& { return docs[p]->date; };
    auto lo = from ? std::partition_point(by_date.begin(), by_date.end(), [&](std::uint32_t p) { return date_of(p) < *from; })
                   : by_date.begin();
    auto hi = to ? std::partition_point(lo, by_date.end(), [&](std::uint32_t p) { return !(*to < date_of(p)); })
                 : by_date.end();
    std::vector<std::uint32_t> picked(lo, hi);
    std::sort(picked.begin(), picked.end());
    for (const std::uint32_t p : picked) add(docs[p], lane);
  };
  for (const auto* r : in.kind_order.of(Kind::round)) add(r, kRounds);
  add_dated(in.linked.drafts.versions(), in.drafts_by_date, kDrafts);
  add_dated(in.kind_order.of(Kind::letter), in.letters_by_date, kLetters);
  return e;
}

std::string month_anchor(const Date& d) {
  return "m-" + d.iso().substr(0, 7);
}

std::string draw(const PageLocation& at, const Events& e, const TimelineOptions& o,
                 const std::string& list_page, const Document* current = nullptr,
                 std::optional<Date> from = {}, std::optional<Date> to = {}) {
  TimelineLayout layout = layout_timeline(e.items, o, from, to);
  std::vector<TimelineMark> marks;
  for (const auto* d : e.docs) {
    TimelineMark m;
    m.url = at.url(d->url_folder + "/");
    m.title = mark_title(*d);
    m.shape = d->kind == Kind::round ? (d == current ? "current" : "band") : std::string(model::kind_name(d->kind));
    if (d->kind == Kind::round) m.label = std::to_string(d->number.value_or(0));
    marks.push_back(std::move(m));
  }
  TimelineSvgText text;
  text.lane_names = {"Rounds", "Drafts", "Letters"};
  text.aria_label = "Timeline of rounds, drafts and letters, " + layout.first.human() + " to " + layout.last.human();
  text.overflow_url = [&](const Date& d) { return list_page + "#" + month_anchor(d); };
  return timeline_svg(layout, marks, text);
}

Data event_ref(const RenderInput& in, const PageLocation& at, const Document& d) {
  Data item = doc_ref(in, at, d);
  put(item, "dates", dates_of(d));
  put(item, "label", d.kind == Kind::round ? round_name(d) + ": " + d.title : d.display_name());
  put(item, "kind_label", std::string(model::kind_name(d.kind)));
  return item;
}

}  // namespace

std::string render_timeline_page(const RenderInput& in) {
  Page page;
  page.at = {"timeline", in.archive.config.pretty_urls};
  page.template_name = "timeline.html";
  page.title = "Timeline";
  page.section = "timeline";
  page.description = "Every round, draft version and letter of the process on one date axis.";
  const PageLocation& at = page.at;
  Events e = collect(in);
  put(page.data, "svg", draw(at, e, TimelineOptions{.lanes = 3}, ""));
  // The same events as a list, by date (rounds by their first day), grouped by month.
  std::vector<std::size_t> order(e.docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(e.docs[a]->date, e.items[a].lane) < std::tie(e.docs[b]->date, e.items[b].lane);
  });
  std::vector<Data> months;
  for (std::size_t i = 0; i < order.size();) {
    const Date first = e.docs[order[i]]->date;
    std::vector<Data> events;
    for (; i < order.size() && e.docs[order[i]]->date.year == first.year && e.docs[order[i]]->date.month == first.month;
         ++i)
      events.push_back(event_ref(in, at, *e.docs[order[i]]));
    Data m;
    put(m, "month", first.month_year());
    put(m, "anchor", month_anchor(first));
    set_list(m, "events", list_of(std::move(events)));
    months.push_back(std::move(m));
  }
  set_list(page.data, "months", list_of(std::move(months)));
  put(page.data, "count_rounds", std::to_string(std::count_if(e.items.begin(), e.items.end(), [](auto& x) { return x.lane == kRounds; })));
  put(page.data, "count_drafts", std::to_string(std::count_if(e.items.begin(), e.items.end(), [](auto& x) { return x.lane == kDrafts; })));
  put(page.data, "count_letters", std::to_string(std::count_if(e.items.begin(), e.items.end(), [](auto& x) { return x.lane == kLetters; })));
  return render_page(in, std::move(page));
}

std::string compact_timeline_svg(const RenderInput& in, const PageLocation& at) {
  Events e = collect(in);
  if (e.items.empty()) return {};
  TimelineOptions o{.lanes = 3, .width = 1000, .gutter = 64, .mark_width = 12, .row_height = 16, .max_rows = 2,
                    .lane_gap = 4, .axis_height = 26};
  return draw(at, e, o, at.url("timeline/"));
}

void add_round_context(const RenderInput& in, const PageLocation& at, const Document& round, Data& d) {
  const auto& rounds = in.kind_order.of(Kind::round);  // by number
  auto it = std::find(rounds.begin(), rounds.end(), &round);
  const Date last = round.end.value_or(round.date);
  // From the day after the previous round to the day before the next one; the first and
  // last rounds reach back to the first and on to the last dated event.
  std::optional<Date> from, to;
  if (it != rounds.begin() && it != rounds.end()) {
    const Document& prev = **(it - 1);
    from = date_from_days(prev.end.value_or(prev.date).days_since_epoch() + 1);
  }
  if (it != rounds.end() && it + 1 != rounds.end()) to = date_from_days((*(it + 1))->date.days_since_epoch() - 1);
  if (from && *from > round.date) from = round.date;  // rounds out of date order: keep this one in view
  if (to && *to < last) to = last;
  Events all = collect(in, from, to);
  // Without a neighbouring round the window reaches to the first or last event within
  // kReach days: earlier correspondence belongs to the process, not to this round.
  constexpr long kReach = 90;
  if (!from || !to) {
    if (!from) all = collect(in, date_from_days(round.date.days_since_epoch() - kReach), to);
    if (!to) all = collect(in, from ? from : std::optional(date_from_days(round.date.days_since_epoch() - kReach)),
                           date_from_days(last.days_since_epoch() + kReach));
    Date lo = round.date, hi = last;
    for (const auto* doc : all.docs) {
      lo = std::min(lo, doc->date);
      hi = std::max(hi, doc->date);
    }
    if (!from) from = lo;
    if (!to) to = hi;
  }
  Events e;  // keep only this round among the rounds: its neighbours lie outside the window
  for (std::size_t i = 0; i < all.docs.size(); ++i)
    if (all.docs[i]->kind != Kind::round || all.docs[i] == &round) {
      e.docs.push_back(all.docs[i]);
      e.items.push_back(all.items[i]);
    }
  TimelineOptions o{.lanes = 3, .width = 1000, .gutter = 64, .min_day_width = 4, .mark_width = 14, .max_rows = 4};
  put(d, "context_svg", draw(at, e, o, "", &round, from, to));
  put(d, "context_from", from->human());
  put(d, "context_to", to->human());
  std::vector<const Document*> before, during, after;
  for (const auto* doc : e.docs) {
    if (doc->kind == Kind::round) continue;
    (doc->date < round.date ? before : doc->date > last ? after : during).push_back(doc);
  }
  auto list = [&](const std::vector<const Document*>& docs) {
    std::vector<Data> items;
    for (const auto* doc : docs) items.push_back(event_ref(in, at, *doc));
    return list_of(std::move(items));
  };
  set_list(d, "before", list(before));
  set_list(d, "during", list(during));
  set_list(d, "after", list(after));
}

}  // namespace travaux::render
