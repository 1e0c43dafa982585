// Real-browser checks of the built example site in headless Chromium (Debian's, not a download):
// axe-core's WCAG 2.2 A and AA rules and the measurements of layout.mjs (table wrappers, target
// sizes, the focus ring, sideways overflow) on every page of both languages at 1280 and 360 px
// wide, the search
// page of each language (typing without diacritics, decomposed input, following a result, the page
// without JavaScript), the language switcher, and the public lists laid out for print on A4 (see
// printedList in layout.mjs), through a web server under a sub-path when one
// is given, and straight from the disk (file://).
//
// Usage: node .ci/browser.mjs MODULES_DIR OUTPUT_DIR [SERVED_BASE_URL]
//   MODULES_DIR      a folder whose node_modules holds playwright-core and axe-core
//   OUTPUT_DIR       the built site on disk, for the file:// run
//   SERVED_BASE_URL  the same folder served, e.g. http://127.0.0.1:8080/bau-cu/; without it the
//                    accessibility sweep runs on the files, with 404.html opened directly
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { focusRingContrast, noPageOverflow, printedList, tableWrappers, targetSizes } from './layout.mjs';

const [modulesDir, outputDir, servedBase] = process.argv.slice(2);
if (!modulesDir || !outputDir) {
  console.error('usage: node .ci/browser.mjs MODULES_DIR OUTPUT_DIR [SERVED_BASE_URL]');
  process.exit(2);
}
const require = createRequire(join(resolve(modulesDir), 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const fileBase = pathToFileURL(resolve(outputDir)).href + '/';

// Generous for a busy 2-core machine; every wait is for a condition, never a fixed sleep.
const TIMEOUT = 15000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A desktop and a cheap phone; what each width checks beyond axe is in `sweepPage`.
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

// One page of every page type of the example site (content/), relative to the site root: the
// sweep covers every page, and names these by their type.
const PAGE_TYPES = [
  ['home', 'index.html'],
  ['rounds list', 'bau-cu/index.html'],
  ['rounds of a term', 'bau-cu/nhiem-ky/2022-2025/index.html'],
  ['rounds of a year', 'bau-cu/nam/2022/index.html'],
  ['round dashboard', 'bau-cu/hong-gai-2022/index.html'],
  ['round dashboard, repeat vote ordered', 'bau-cu/dong-ky-2024/index.html'],
  ['contest', 'bau-cu/hong-gai-2022/khu-pho-2/index.html'],
  ['candidate', 'bau-cu/hong-gai-2022/khu-pho-2/vu-thi-hong-nhung/index.html'],
  ['candidate list', 'bau-cu/hong-gai-2022/danh-sach-ung-cu-vien/index.html'],
  ['elected list', 'bau-cu/hong-gai-2022/danh-sach-trung-cu/index.html'],
  ['results overview', 'ket-qua/index.html'],
  ['documents list', 'van-ban/index.html'],
  ['documents of a kind', 'van-ban/loai/ke-hoach/index.html'],
  ['documents of a year', 'van-ban/nam/2022/index.html'],
  ['document', 'van-ban/ke-hoach-87-kh-ubnd-quang-ninh/index.html'],
  ['communes list', 'don-vi/index.html'],
  ['commune', 'don-vi/hong-gai/index.html'],
  ['village', 'don-vi/hong-gai/khu-pho-2/index.html'],
  ['about', 'gioi-thieu/index.html'],
  ['free page', 'huong-dan-cu-tri/index.html'],
  ['search', 'tim-kiem/index.html'],
  ['search with a query', 'tim-kiem/index.html?q=nguyen'],
];
// A server answers a missing page with 404.html; from the disk, it is opened by its name.
const NOT_FOUND = servedBase ? 'khong-co-trang-nay/' : '404.html';

// English pages sit under en/ at the same paths. A document without an English translation has
// no English page, so the English 'document' is one that is translated; the Vietnamese page of an
// untranslated one carries the notice that its English link goes to the documents list instead.
const EN = 'en/';
const TRANSLATED_DOCUMENT = 'van-ban/nghi-quyet-dang-uy-dong-ky-bau-truong-khu-pho-2024-2027/index.html';
const UNTRANSLATED_DOCUMENT = 'van-ban/cong-van-13-cv-du-huong-xuan/index.html';
const ENGLISH_PAGE_TYPES = PAGE_TYPES.map(([kind, path]) =>
  [`${kind}, English`, EN + (kind === 'document' ? TRANSLATED_DOCUMENT : path)]);
const NOTICE_PAGE = ['document without English (notice)', UNTRANSLATED_DOCUMENT];

const CANDIDATE = 'Vũ Thị Hồng Nhung';
const CANDIDATE_URL = 'bau-cu/hong-gai-2022/khu-pho-2/vu-thi-hong-nhung/index.html';

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  return condition;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** A fresh page that records script errors, so that a broken script fails the run. */
async function newPage(options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (error) => failures.push(`script error on ${page.url()}: ${error.message}`));
  return page;
}

/** Every HTML page of the built site, relative to its root, with '/' between folders. */
function allPages(dir = outputDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return allPages(path);
    return entry.name.endsWith('.html') ? [relative(outputDir, path).split(sep).join('/')] : [];
  });
}

/**
 * axe-core and the layout measurements on one page at one width. Table wrappers and overflow
 * depend on the width and are measured at both; target sizes matter on the phone; the focus
 * ring's colours do not change with the width and are measured on the desktop.
 */
async function sweepPage(page, viewport, kind, path) {
  const problems = [];
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  for (const v of result.violations) {
    for (const node of v.nodes) {
      problems.push(`axe: ${v.id} [${v.impact}] at ${node.target.join(' ')}: ${v.help}`);
    }
  }
  problems.push(...(await tableWrappers(page)), ...(await noPageOverflow(page)));
  if (viewport === PHONE) problems.push(...(await targetSizes(page)));
  if (viewport === DESKTOP) problems.push(...(await focusRingContrast(page)));
  for (const p of problems) failures.push(`${viewport.width} px: ${kind} (${path}): ${p}`);
  return { problems: problems.length, review: result.incomplete.map((v) => `${v.id} ×${v.nodes.length}`) };
}

async function axeSweep(base) {
  const typeOf = new Map([...PAGE_TYPES, NOTICE_PAGE, ...ENGLISH_PAGE_TYPES].map(([k, p]) => [p, k]));
  const queries = PAGE_TYPES.filter(([, p]) => p.includes('?q='));
  const pages = [...allPages().map((p) => [typeOf.get(p) || 'page', p]), ...queries,
    ...queries.map(([k, p]) => [`${k}, English`, EN + p])]
    .map(([kind, path]) => path === '404.html' ? ['not found (404)', NOT_FOUND] : [kind, path]);
  for (const [kind, path] of PAGE_TYPES) {
    check(existsSync(join(outputDir, path.replace(/\?.*$/, ''))), `axe: ${kind}: ${path} is not in ${outputDir}`);
  }
  const started = Date.now();
  let total = 0;
  // the two widths side by side: a page waits for the other width's browser work
  await Promise.all([DESKTOP, PHONE].map(async (viewport) => {
    const page = await newPage({ viewport });
    for (const [kind, path] of pages) {
      const response = await page.goto(base + path);
      // a file has no status; a missing one fails `goto` itself
      const expected = kind.startsWith('not found') && servedBase ? 404 : 200;
      if (servedBase && !check(response && response.status() === expected,
        `axe: ${kind} (${path}) answered ${response && response.status()}, not ${expected}`)) {
        continue;
      }
      if (path.includes('?q=')) {
        await page.locator('#ket-qua-tim-kiem li').first().waitFor();
      }
      if (path === UNTRANSLATED_DOCUMENT) {
        // the notice is what this page is in the sweep for
        check(await page.locator('nav.languages .lang-notice').isVisible(),
          `axe: ${kind} (${path}) shows no notice next to its English link`);
      }
      const { problems, review } = await sweepPage(page, viewport, kind, path);
      total += problems;
      // what axe cannot decide alone (such as the contrast of text drawn in an SVG chart) is
      // counted for a person to look at, and does not fail the run
      if (problems > 0 || typeOf.has(path)) {
        console.log(`sweep ${viewport.width}: ${problems === 0 ? 'ok  ' : 'FAIL'} ${kind}: ${path}${review.length ? ` (to review: ${review.join(', ')})` : ''}`);
      }
    }
    await page.context().close();
  }));
  console.log(`sweep: ${pages.length} pages × 2 widths at ${base}, ${total} problems (axe ${AXE_TAGS.join(', ')}; layout.mjs) in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Without JavaScript no table wrapper is a tab stop (the script makes a scrolling one focusable),
 * and the widest table still fits the phone's page: it scrolls inside its wrapper.
 */
async function wrappersWithoutJavaScript(base) {
  const page = await newPage({ javaScriptEnabled: false, viewport: PHONE });
  await page.goto(base + 'bau-cu/hong-gai-2022/index.html');
  const tabStops = await page.locator('.table-wrap[tabindex]').count();
  check(tabStops === 0, `without JavaScript: ${tabStops} table wrappers are tab stops`);
  for (const p of await noPageOverflow(page)) failures.push(`without JavaScript, 360 px: ${p}`);
  await page.context().close();
  console.log('table wrappers without JavaScript: ok');
}

/**
 * The search page at `base` + `lang` ('' or 'en/'): typed queries, ranking, decomposed input,
 * following a result. Every result of the English page leads to an English page.
 */
async function searchTests(base, lang, where) {
  const page = await newPage();
  const searchUrl = base + lang + 'tim-kiem/index.html';
  // the link a result should have: the page of the same language
  const url = (path) => new URL(lang + path, base).href;
  await page.goto(searchUrl);
  const box = page.locator('main').getByRole('searchbox');
  const results = page.locator('main #ket-qua-tim-kiem li a');
  const status = page.locator('main #ket-qua-tim-kiem [aria-live="polite"]');

  /** Types `query` key by key into an empty box, and waits for the results to answer it. */
  async function search(query) {
    await box.fill('');
    await box.pressSequentially(query);
    await page.waitForFunction(
      (q) => document.querySelector('#ket-qua-tim-kiem [aria-live]').textContent.includes(q),
      query,
    );
    return results.evaluateAll((links) => links.map((a) => [a.textContent, a.href]));
  }

  const found = await search('vu thi hong nhung');
  check(found.length > 0 && found[0][0] === CANDIDATE,
    `search (${where}): 'vu thi hong nhung' should find ${CANDIDATE} first, found ${JSON.stringify(found.slice(0, 3))}`);
  check(found.length > 0 && found[0][1] === url(CANDIDATE_URL),
    `search (${where}): the first result should link to ${lang + CANDIDATE_URL}, not ${found[0] && found[0][1]}`);

  const decomposed = await search(CANDIDATE.normalize('NFD'));
  const composed = await search(CANDIDATE.normalize('NFC'));
  check(JSON.stringify(decomposed) === JSON.stringify(composed) && composed.length > 0,
    `search (${where}): NFD and NFC input should find the same: ${JSON.stringify(decomposed)} vs ${JSON.stringify(composed)}`);

  const dongKy = (await search('dong ky')).map(([, href]) => href);
  for (const path of ['don-vi/dong-ky/index.html', 'bau-cu/dong-ky-2024/index.html']) {
    check(dongKy.includes(url(path)), `search (${where}): 'dong ky' should find ${lang + path}`);
  }
  // the ward's name in the page's language: 'Phường Đồng Kỵ', 'Dong Ky Ward'
  const wardName = lang === EN ? 'dong ky ward' : 'phuong dong ky';
  const exact = await search(wardName);
  check(exact.length > 0 && exact[0][1] === url('don-vi/dong-ky/index.html'),
    `search (${where}): the exact name '${wardName}' should come first, found ${JSON.stringify(exact.slice(0, 3))}`);
  const none = await search('zzzz khong co');
  check(none.length === 0, `search (${where}): a query that matches nothing should list nothing`);
  check((await status.textContent()).trim() !== '', `search (${where}): the result count should be announced`);

  await search('vu thi hong nhung');
  const [response] = await Promise.all([page.waitForNavigation(), results.first().click()]);
  check(where === 'file://' || (response && response.status() === 200),
    `search (${where}): following the first result failed (${response && response.status()})`);
  const heading = await page.locator('h1').first().textContent();
  check(heading.includes(CANDIDATE), `search (${where}): the first result led to '${heading}'`);
  check(page.url() === url(CANDIDATE_URL), `search (${where}): the first result led to ${page.url()}`);

  await page.goto(searchUrl + '?q=' + encodeURIComponent('đồng kỵ'));
  await results.first().waitFor();
  check((await box.inputValue()) === 'đồng kỵ', `search (${where}): ?q= should fill the search box`);
  check(await page.locator('main #chi-muc').isHidden(), `search (${where}): results should replace the full index`);
  await page.context().close();
  console.log(`search (${where}): ok`);
}

/** Without JavaScript the search page is the full alphabetical index, as plain links. */
async function withoutJavaScript(base, lang, where) {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + lang + 'tim-kiem/index.html?q=vu+thi+hong+nhung');
  const link = page.locator('main #chi-muc a', { hasText: CANDIDATE });
  check(await link.isVisible(), `search without JavaScript (${where}): the index should list ${CANDIDATE}`);
  check((await link.getAttribute('href')) === '../' + CANDIDATE_URL,
    `search without JavaScript (${where}): ${CANDIDATE} should link to ../${CANDIDATE_URL}`);
  await page.context().close();
  console.log(`search without JavaScript (${where}): ok`);
}

/**
 * The language switcher: clicking its link of the other language lands on the same page in that
 * language, and back; the English link of an untranslated document lands on the documents list.
 */
async function switcherTests(base, where) {
  const page = await newPage();
  const htmlLang = () => page.locator('html').getAttribute('lang');

  /** Clicks the switcher's link to `hreflang` and waits for the page it leads to. */
  async function follow(hreflang) {
    const from = page.url();
    await page.locator(`nav.languages a[hreflang="${hreflang}"]`).click();
    await page.waitForURL((u) => u.href !== from);
    await page.waitForLoadState();
  }

  const vietnamese = base + TRANSLATED_DOCUMENT;
  const english = base + EN + TRANSLATED_DOCUMENT;
  await page.goto(vietnamese);
  await follow('en');
  check(page.url() === english, `switcher (${where}): English link of ${TRANSLATED_DOCUMENT} led to ${page.url()}`);
  check((await htmlLang()) === 'en', `switcher (${where}): ${page.url()} has <html lang=${await htmlLang()}>, not en`);
  await follow('vi');
  check(page.url() === vietnamese, `switcher (${where}): Vietnamese link of ${EN + TRANSLATED_DOCUMENT} led to ${page.url()}`);
  check((await htmlLang()) === 'vi', `switcher (${where}): ${page.url()} has <html lang=${await htmlLang()}>, not vi`);

  await page.goto(base + UNTRANSLATED_DOCUMENT);
  await follow('en');
  check(page.url() === base + EN + 'van-ban/index.html',
    `switcher (${where}): English link of the untranslated ${UNTRANSLATED_DOCUMENT} led to ${page.url()}, not ${EN}van-ban/index.html`);
  check((await htmlLang()) === 'en', `switcher (${where}): ${page.url()} has <html lang=${await htmlLang()}>, not en`);
  await page.context().close();
  console.log(`switcher (${where}): ok`);
}

// The text of an A4 page between the decree's margins (210 mm less 30 and 15 mm), in CSS px.
const A4_TEXT = { width: Math.floor(((210 - 45) / 25.4) * 96), height: 1000 };

/** Every public list (danh-sach-*) of both languages, laid out for print (layout.mjs). */
async function printedLists(base) {
  // the site says whether its data are samples in every data file's first key
  const sample = JSON.parse(readFileSync(join(outputDir, 'du-lieu', 'don-vi.json'), 'utf8')).du_lieu_mau === true;
  const lists = allPages().filter((p) => /(^|\/)danh-sach-[^/]+\/index\.html$/.test(p));
  check(lists.length >= 4, `print: only ${lists.length} public lists found`);
  const page = await newPage({ viewport: A4_TEXT });
  await page.emulateMedia({ media: 'print' });
  for (const path of lists) {
    await page.goto(base + path);
    for (const p of await printedList(page, sample)) failures.push(`print: ${path}: ${p}`);
  }
  await page.context().close();
  console.log(`print: ${lists.length} public lists laid out on A4 (${sample ? 'sample data' : 'real data'}): ${failures.length ? 'see below' : 'ok'}`);
}

const bases = servedBase ? [[servedBase, 'served'], [fileBase, 'file://']] : [[fileBase, 'file://']];
try {
  await axeSweep(bases[0][0]);
  await wrappersWithoutJavaScript(bases[0][0]);
  await printedLists(bases[0][0]);
  for (const [base, where] of bases) {
    for (const lang of ['', EN]) {
      const label = lang ? `${where}, English` : where;
      await searchTests(base, lang, label);
      await withoutJavaScript(base, lang, label);
    }
    await switcherTests(base, where);
  }
} catch (error) {
  failures.push(`browser: ${error.stack || error}`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`\nbrowser: ${failures.length} problems:`);
  for (const f of failures) console.error('  ' + f);
  process.exit(1);
}
console.log('browser: all checks passed');
