// Tests for render/calendar.cpp and render/calendar_zone.cpp (ICU): RFC 5545 output, escaping,
// folding, time zones, and the calendar read back by python3-icalendar (issue #5).
#include "render/calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "load/load.h"
#include "support/test_tree.h"
#include "text/escape.h"

namespace travaux::render {
namespace {

using model::Date;

model::Session session(Date d, std::string start, std::string end, std::string title, std::string room,
                       std::string kind = "negotiation") {
  model::Session s;
  s.date = d;
  s.start = std::move(start);
  s.end = std::move(end);
  s.title = std::move(title);
  s.room = std::move(room);
  s.kind = std::move(kind);
  return s;
}

/// Two rounds, given out of number order: a winter one (EST) and a summer one (EDT).
model::Archive archive(const std::string& time_zone) {
  model::Archive a;
  a.config.title = "GCM, negotiations";
  a.config.time_zone = time_zone;
  model::Document r2;
  r2.kind = model::Kind::round;
  r2.id = "round-6";
  r2.url_folder = "rounds/round-6";
  r2.title = "Sixth round";
  r2.number = 6;
  r2.date = {2018, 7, 9};
  r2.end = Date{2018, 7, 13};
  r2.location = "UN Headquarters";
  r2.sessions.push_back(session({2018, 7, 13}, "11:00", "", "Concluding meeting", "Trusteeship Council Chamber"));
  model::Document r1;
  r1.kind = model::Kind::round;
  r1.id = "round-1";
  r1.url_folder = "rounds/round-1";
  r1.title = "First round";
  r1.number = 1;
  r1.date = {2018, 2, 20};
  r1.end = Date{2018, 2, 23};
  r1.sessions.push_back(session({2018, 2, 20}, "10:00", "13:00", "General statements, Preamble; Vision", "Room \\ 4"));
  r1.sessions.push_back(session({2018, 2, 21}, "", "", "Hearing", "", "hearing"));
  model::Session multi = session({2018, 2, 21}, "", "", "In-depth discussion", "CR 2");
  multi.until = Date{2018, 2, 23};
  multi.note = "Line one\nline two";
  r1.sessions.push_back(multi);
  model::Session daily = session({2018, 2, 22}, "09:00", "10:00", "Informal dialogue", "CR 4", "informal-dialogue");
  daily.until = Date{2018, 2, 23};
  r1.sessions.push_back(daily);
  a.documents.push_back(r2);
  a.documents.push_back(r1);
  a.index();
  return a;
}

/// Every line ends in CRLF, is at most 75 octets, and no fold splits a UTF-8 sequence.
void expect_well_formed_lines(const std::string& ics) {
  std::size_t at = 0;
  while (at < ics.size()) {
    auto crlf = ics.find("\r\n", at);
    ASSERT_NE(crlf, std::string::npos) << "line without CRLF at " << at;
    const std::string line = ics.substr(at, crlf - at);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    if (line.size() > 1 && line[0] == ' ') EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80) << line;
    at = crlf + 2;
  }
}

TEST(IcsEscape, EscapesBackslashSemicolonCommaAndNewline) {
  EXPECT_EQ(text::ics_escape("a,b;c\\d\ne\r\nf\tg"), "a\\,b\\;c\\\\d\\ne\\nfg");
}

TEST(IcsFold, FoldsAt75OctetsWithCrlfAndASpace) {
  const std::string line = "SUMMARY:" + std::string(100, 'x');
  EXPECT_EQ(ics_fold(line), line.substr(0, 75) + "\r\n " + line.substr(75) + "\r\n");
  EXPECT_EQ(ics_fold("SHORT:x"), "SHORT:x\r\n");
}

TEST(IcsFold, NeverSplitsAUtf8Sequence) {
  std::string line = "SUMMARY:x";
  for (int i = 0; i < 60; ++i) line += "é€";  // 2- and 3-octet sequences
  const std::string folded = ics_fold(line);
  expect_well_formed_lines(folded);
  std::string unfolded;
  for (std::size_t at = 0; at < folded.size();) {
    auto crlf = folded.find("\r\n", at);
    unfolded += folded.substr(at == 0 ? at : at + 1, crlf - (at == 0 ? at : at + 1));
    at = crlf + 2;
  }
  EXPECT_EQ(unfolded, line);
}

TEST(FindZone, KnowsIanaNamesAndRejectsOthers) {
  ASSERT_TRUE(find_zone("America/New_York"));
  EXPECT_EQ(find_zone("Europe/Zurich")->id, "Europe/Zurich");
  EXPECT_FALSE(find_zone("../../etc/passwd"));
  EXPECT_FALSE(find_zone("Not/AZone"));
  EXPECT_FALSE(find_zone(""));
}

TEST(VtimezoneLines, IcuBlockWithoutItsPrivateLines) {
  const auto lines = vtimezone_lines(*find_zone("America/New_York"), 2018);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines.front(), "BEGIN:VTIMEZONE");
  EXPECT_EQ(lines[1], "TZID:America/New_York");
  EXPECT_EQ(lines.back(), "END:VTIMEZONE");
  for (const auto& l : lines) {
    EXPECT_FALSE(l.starts_with("X-TZINFO")) << l;
    EXPECT_FALSE(l.starts_with("TZNAME:(")) << l;
  }
  EXPECT_NE(std::find(lines.begin(), lines.end(), "TZNAME:EST"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "TZNAME:EDT"), lines.end());
  // Autumn 2017's standard time is there, so February 2018 falls inside an observance.
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTSTART:20171105T020000"), lines.end());
}

TEST(RenderCalendar, EventsInTheArchiveTimeZoneWithAGeneratedVtimezone) {
  auto zone = find_zone("America/New_York");
  ASSERT_TRUE(zone);
  const std::string ics = render_calendar(archive("America/New_York"), &*zone);
  expect_well_formed_lines(ics);
  const std::string expected_start =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//travaux//travaux static site generator//EN\r\n"
      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:GCM\\, negotiations\r\n"
      "X-WR-TIMEZONE:America/New_York\r\nBEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"
      "BEGIN:DAYLIGHT\r\nTZOFFSETTO:-040000\r\nTZOFFSETFROM:-050000\r\nTZNAME:EDT\r\nDTSTART:20170312T020000\r\n"
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETTO:-050000\r\n"
      "TZOFFSETFROM:-040000\r\nTZNAME:EST\r\nDTSTART:20171105T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
      "END:STANDARD\r\nEND:VTIMEZONE\r\n"
      // Rounds by number: round 1 first although it was given second.
      "BEGIN:VEVENT\r\nUID:round-1-20180220-1@travaux\r\nDTSTAMP:20180220T000000Z\r\n"
      "DTSTART;TZID=America/New_York:20180220T100000\r\nDTEND;TZID=America/New_York:20180220T130000\r\n"
      "SUMMARY:General statements\\, Preamble\\; Vision\r\nLOCATION:Room \\\\ 4\r\nCATEGORIES:Round 1\r\n"
      "DESCRIPTION:Negotiation. Round 1: First round.\r\nEND:VEVENT\r\n";
  EXPECT_EQ(ics.substr(0, expected_start.size()), expected_start);
  // Untimed: all day; over several days: the end is the day after `until`.
  EXPECT_NE(ics.find("UID:round-1-20180221-3@travaux\r\nDTSTAMP:20180220T000000Z\r\nDTSTART;VALUE=DATE:20180221\r\n"
                     "DTEND;VALUE=DATE:20180224\r\n"),
            std::string::npos);
  // Timed over several days: the same hours each day.
  EXPECT_NE(ics.find("DTEND;TZID=America/New_York:20180222T100000\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DESCRIPTION:Negotiation. Round 1: First round.\\nLine one\\nline two\r\n"), std::string::npos);
  EXPECT_TRUE(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  // Deterministic: the same archive gives the same bytes.
  EXPECT_EQ(ics, render_calendar(archive("America/New_York"), &*zone));
}

TEST(RenderCalendar, UtcTimesEndInZAndNeedNoVtimezone) {
  diag::Diagnostics diags;
  const std::string ics = render_calendar(archive("UTC"), diags);
  EXPECT_EQ(ics.find("VTIMEZONE"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20180220T100000Z\r\nDTEND:20180220T130000Z\r\n"), std::string::npos);
  EXPECT_EQ(test::diagnostics_text(diags), "");
}

TEST(RenderCalendar, UnknownZoneGivesFloatingTimes) {
  diag::Diagnostics diags;
  const std::string ics = render_calendar(archive("Mars/Olympus_Mons"), diags);
  EXPECT_NE(ics.find("DTSTART:20180220T100000\r\n"), std::string::npos);
  EXPECT_EQ(test::diagnostics_text(diags), "");  // load reported it, at the key
}

TEST(LoadTimeZone, UnknownZoneIsAWarningAtTheKeyInArchiveToml) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\ntime_zone = \"Mars/Olympus_Mons\"\n");
  diag::Diagnostics diags;
  load::load_archive(dir.path(), diags);
  EXPECT_EQ(test::diagnostics_text(diags),
            "archive.toml:2:1: warning: time zone 'Mars/Olympus_Mons' is not in the time zone database\n");
  diag::Diagnostics good;
  test::write_tree(dir.path(), "-- archive.toml --\ntitle = \"T\"\ntime_zone = \"America/New_York\"\n");
  load::load_archive(dir.path(), good);
  EXPECT_EQ(test::diagnostics_text(good), "");
}

TEST(RenderCalendar, ReadBackByPythonIcalendar) {
  auto zone = find_zone("America/New_York");
  ASSERT_TRUE(zone);
  test::TempDir dir;
  const auto ics_path = dir.path() / "calendar.ics";
  std::ofstream(ics_path, std::ios::binary) << render_calendar(archive("America/New_York"), &*zone);
  // The VTIMEZONE is turned into a tzinfo by icalendar itself (Timezone.to_tz), so the
  // offsets printed come from our block, not from the reader's own zone database.
  const auto script = dir.path() / "read.py";
  std::ofstream(script) << R"(import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
tz = cal.walk('VTIMEZONE')[0].to_tz()
def when(prop):
    if prop is None: return '-'
    v = prop.dt
    if hasattr(v, 'hour'):
        return tz.localize(v.replace(tzinfo=None)).isoformat()
    return v.isoformat()
for e in cal.walk('VEVENT'):
    cats = e.get('CATEGORIES')
    cats = ','.join(str(c) for c in cats.cats) if hasattr(cats, 'cats') else str(cats)
    print('|'.join([str(e['UID']), str(e['SUMMARY']), when(e.get('DTSTART')), when(e.get('DTEND')),
                    str(e.get('LOCATION', '-')), cats, str(e.get('RRULE', {}).get('COUNT', ['-'])[0])]))
    if e.get('DESCRIPTION') and '\n' in str(e['DESCRIPTION']): print('  ' + repr(str(e['DESCRIPTION'])))
)";
  std::string out;
  ASSERT_EQ(test::run_command("/usr/bin/python3 " + script.string() + " " + ics_path.string(), &out), 0) << out;
  EXPECT_EQ(out,
            "round-1-20180220-1@travaux|General statements, Preamble; Vision|2018-02-20T10:00:00-05:00|"
            "2018-02-20T13:00:00-05:00|Room \\ 4|Round 1|-\n"
            "round-1-20180221-2@travaux|Hearing|2018-02-21|2018-02-22|-|Round 1|-\n"
            "round-1-20180221-3@travaux|In-depth discussion|2018-02-21|2018-02-24|CR 2|Round 1|-\n"
            "  'Negotiation. Round 1: First round.\\nLine one\\nline two'\n"
            "round-1-20180222-4@travaux|Informal dialogue|2018-02-22T09:00:00-05:00|2018-02-22T10:00:00-05:00|CR 4|"
            "Round 1|2\n"
            "round-6-20180713-1@travaux|Concluding meeting|2018-07-13T11:00:00-04:00|-|Trusteeship Council Chamber|"
            "Round 6|-\n");
}

}  // namespace
}  // namespace travaux::render
