//! The creator CSV the browser import benchmark uses: 100,000 rows (~10 MB) shaped like an agency's
//! export, deterministic (same text every run), with a few broken rows the importer must reject.
"use strict";

const FIRST = ["Ana", "Ben", "Chloé", "Dev", "Emma", "Farid", "Gia", "Hugo", "Ines", "Jon", "Kai", "Lena", "Marta", "Noor", "Olu", "Priya"];
const LAST = ["Silva", "Okafor", "Müller", "Nguyen", "Rossi", "Kowalski", "Haddad", "Tanaka", "O'Brien", "García"];
// Profile links are filled in for one row in three, as in real sheets.
const PLATFORMS = [
  ["TikTok", "https://www.tiktok.com/@"],
  ["YouTube", "https://www.youtube.com/@"],
  ["Instagram", "https://www.instagram.com/"],
];
const TAGS = ["beauty", "travel", "fitness", "food", "gaming", "tech", "parenting", "fashion", "diy", "finance"];
const STATUSES = ["prospect", "contacted", "negotiating", "confirmed"];
// Most rows have no note, as in real sheets; the others have quotes and commas to escape.
const NOTES = ["", "", "", "", "", 'Met at "Creators Day", keen', "Prefers email, rate card sent", "", 'Wants "usage rights" fee', ""];

/// Followers the ways sheets hold them: plain, grouped ("45,000", quoted), compact ("12.5K", "1.2M").
function followersCell(n, i) {
  switch (i % 4) {
    case 0:
      return String(n);
    case 1:
      return `"${n.toLocaleString("en-US")}"`;
    case 2:
      return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : `${(n / 1e3).toFixed(1)}K`;
    default:
      return n.toLocaleString("en-US").length > 5 ? `"${n.toLocaleString("en-US")}"` : String(n);
  }
}

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/// `rows` data rows after one header row; every 5,000th row is broken in one of four ways.
function creatorCsv(rows = 100000) {
  const out = ["name,handle,url,platform,followers,avg views,likes,comments,shares,price,tags,status,notes\n"];
  let x = 0x9e3779b9;
  const rand = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const [platform, base] = PLATFORMS[r % 3];
    const name = `${FIRST[r % FIRST.length]} ${LAST[(r >>> 4) % LAST.length]}`;
    const handle = `${name.toLowerCase().replace(/[^a-z]/g, "")}_${i}`;
    const followers = 1000 + (rand() % 900000);
    const views = Math.floor(followers * (0.05 + (r % 60) / 100));
    const likes = Math.floor(views * 0.08);
    const tags = `${TAGS[r % TAGS.length]}, ${TAGS[(r >>> 8) % TAGS.length]}`;
    let followersText = followersCell(followers, i);
    let nameText = quote(name);
    let platformText = platform;
    let viewsText = String(views);
    if (i % 5000 === 4999) {
      switch ((i / 5000) % 4 | 0) {
        case 0:
          followersText = "lots";
          break;
        case 1:
          nameText = "";
          break;
        case 2:
          viewsText = "12x";
          break;
        default:
          platformText = "MySpace";
      }
    }
    out.push(
      `${nameText},@${handle},${i % 3 === 0 ? base + handle : ""},${platformText},${followersText},${viewsText},${likes},${Math.floor(likes / 12)},${Math.floor(likes / 30)},${50 + (r % 1950)},${quote(tags)},${STATUSES[(r >>> 12) % 4]},${quote(NOTES[(r >>> 16) % NOTES.length])}\n`,
    );
  }
  return out.join("");
}

module.exports = { creatorCsv };

if (require.main === module) {
  const text = creatorCsv(Number(process.argv[2] || 100000));
  process.stdout.write(text);
}
