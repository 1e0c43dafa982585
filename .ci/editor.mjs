// The preview's results form in headless Chromium (Debian's), as a clerk uses it on results
// night: `niemyet serve` runs on a copy of the example content; from a contest's page the
// "Sửa / Edit" link opens the form; the figures of a vote-count record are typed in, the outcome
// under the law shows as they are typed, the form is saved and the page comes back rebuilt with
// them; a candidate's form likewise, with the bio's preview following what is typed; a village
// is added to a commune in a blank row; a file is attached to a document. And what the form refuses: figures that do not add up (with the error next to its field,
// with and without JavaScript), a form whose file changed on disk since it was opened, and a
// write from a page of another origin or addressed to another Host. axe-core checks the form
// (WCAG 2.2 A and AA), as the public pages are checked.
//
// Usage: node .ci/editor.mjs MODULES_DIR NIEMYET_BINARY CONTENT_DIR
//   MODULES_DIR     a folder whose node_modules holds playwright-core and axe-core
//   NIEMYET_BINARY  the built niemyet
//   CONTENT_DIR     the example content, copied before anything is changed
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [modulesDir, binary, contentDir] = process.argv.slice(2);
if (!modulesDir || !binary || !contentDir) {
  console.error('usage: node .ci/editor.mjs MODULES_DIR NIEMYET_BINARY CONTENT_DIR');
  process.exit(2);
}
const require = createRequire(join(resolve(modulesDir), 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Generous for a busy 2-core machine; every wait is for a condition, never a fixed sleep.
const TIMEOUT = 30000;
const ROUND = 'dong-ky-2024';
const VILLAGE = 'khu-pho-3';
const RESULTS = join('bau-cu', ROUND, 'ket-qua.yaml');
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

const work = mkdtempSync(join(tmpdir(), 'niemyet-editor-'));
const content = join(work, 'content');
cpSync(resolve(contentDir), content, { recursive: true });
const resultsFile = join(content, RESULTS);

/** `niemyet serve` on the copy; resolves with its port once the first build is served. */
function startPreview() {
  const child = spawn(resolve(binary), ['--lang', 'en', 'serve', '--content', content, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const port = seen.match(/127\.0\.0\.1:(\d+)/);
      if (port && /^Built /m.test(seen)) done({ child, port: Number(port[1]) });
    });
    child.on('exit', (code) => fail(new Error(`niemyet serve ended (${code}) before it was ready:\n${seen}`)));
  });
}

const { child: preview, port } = await startPreview();
const base = `http://127.0.0.1:${port}`;
const formUrl = `${base}/__niemyet/sua/ket-qua?dot=${ROUND}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function newPage(options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (error) => failures.push(`script error on ${page.url()}: ${error.message}`));
  return page;
}

const field = (name) => `[id="${VILLAGE}.${name}"]`;
const errorOf = (name) => `[id="${VILLAGE}.${name}-loi"]`;

/** The record of the issue: 412 households, 398 took part, 398 ballots issued, 397 collected,
 * 390 valid, 7 invalid, 260 votes for the first candidate. */
async function typeRecord(page, valid) {
  const figures = {
    tong_cu_tri: '412',
    cu_tri_tham_gia: '398',
    phieu_phat_ra: '398',
    phieu_thu_vao: '397',
    phieu_hop_le: valid,
    phieu_khong_hop_le: '7',
  };
  for (const [name, value] of Object.entries(figures)) await page.fill(field(name), value);
  const votes = page.locator(`input[id^="${VILLAGE}.so_phieu."]`);
  const count = await votes.count();
  check(count >= 2, `the form should have a field per candidate of ${VILLAGE}, found ${count}`);
  await votes.nth(0).fill('260');
  for (let i = 1; i < count; i++) await votes.nth(i).fill(String(Math.floor(100 / (count - 1))));
  return votes.nth(0).getAttribute('id');
}

try {
  // From the contest's page to the form, by its edit link.
  const page = await newPage();
  await page.goto(`${base}/bau-cu/${ROUND}/${VILLAGE}/`);
  await page.click('#niemyet-sua');
  await page.waitForURL(/__niemyet\/sua\/ket-qua/);
  check(page.url().startsWith(formUrl), `the edit link should open the round's results form, not ${page.url()}`);

  // Accessibility of the form, as the public pages are checked.
  await page.evaluate(axeSource);
  const axe = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  for (const v of axe.violations) {
    for (const node of v.nodes) failures.push(`axe on the form: ${v.id} [${v.impact}] at ${node.target.join(' ')}: ${v.help}`);
  }

  // Figures that do not add up: the build's message shows next to the field as they are typed.
  const before = readFileSync(resultsFile, 'utf8');
  await typeRecord(page, '391');
  await page.waitForFunction(
    (sel) => document.querySelector(sel).textContent.includes('khác số phiếu thu vào'),
    errorOf('phieu_hop_le'),
  );
  check(
    (await page.getAttribute(field('phieu_hop_le'), 'aria-invalid')) === 'true',
    'the field in error should be marked aria-invalid',
  );
  // ... and the form cannot be saved: it comes back with the error and the summary linking to it
  await Promise.all([page.waitForLoadState('load'), page.click('button[value="luu"]')]);
  await page.waitForSelector(`#tom-tat-loi a[href="#${VILLAGE}.phieu_hop_le"]`);
  check(readFileSync(resultsFile, 'utf8') === before, 'a form with an arithmetic error must not be saved');

  // The right figures: the outcome shows as typed, then the save brings the rebuilt page.
  await page.fill(field('phieu_hop_le'), '390');
  await page.waitForFunction(
    (sel) => /Trúng cử: .+ với 260\/412 = 63,11% > 50% tổng số hộ/.test(document.querySelector(sel).textContent),
    `[id="${VILLAGE}-ket-qua"]`,
  );
  check((await page.textContent(errorOf('phieu_hop_le'))).trim() === '', 'the error should go once the figures add up');
  await Promise.all([page.waitForURL(`${base}/bau-cu/${ROUND}/${VILLAGE}/`), page.click('button[value="luu"]')]);
  check(readFileSync(resultsFile, 'utf8').includes('phieu_hop_le: 390'), 'the saved file should hold the typed figures');
  // the preview reloads the page once the save is rebuilt
  await page.waitForFunction(() => document.body.innerText.includes('63,11%'), null, { timeout: TIMEOUT });

  // A candidate's form, from the candidate's page: the bio's preview follows what is typed, a
  // changed field is saved into its own line and the page comes back with it.
  const candidatePage = `${base}/bau-cu/${ROUND}/${VILLAGE}/tran-van-doan/`;
  await page.goto(candidatePage);
  await page.click('#niemyet-sua');
  await page.waitForURL(/__niemyet\/sua\/ung-cu-vien\?dot=dong-ky-2024&ten=tran-van-doan/);
  await page.evaluate(axeSource);
  const candidateAxe = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  for (const v of candidateAxe.violations) {
    for (const node of v.nodes) failures.push(`axe on the candidate form: ${v.id} [${v.impact}] at ${node.target.join(' ')}: ${v.help}`);
  }
  const candidateFile = join(content, 'bau-cu', ROUND, 'ung-cu-vien', 'tran-van-doan.md');
  const candidateBefore = readFileSync(candidateFile, 'utf8');
  await page.fill('#noi_dung', 'Ông Đoàn làm **hòa giải viên** ở khu phố 3.');
  await page.waitForFunction(() => document.querySelector('#noi_dung-xem-truoc strong')?.textContent === 'hòa giải viên');
  await page.fill('#nghe_nghiep', 'Hòa giải viên');
  await Promise.all([page.waitForURL(candidatePage), page.click('button[value="luu"]')]);
  const candidateAfter = readFileSync(candidateFile, 'utf8');
  const changedLines = candidateAfter.split('\n').filter((line) => !candidateBefore.split('\n').includes(line));
  check(
    changedLines.length === 2 && changedLines.includes('nghe_nghiep: Hòa giải viên'),
    `a candidate's save should change its field's line and the bio only, changed: ${JSON.stringify(changedLines)}`,
  );
  await page.waitForFunction(() => document.body.innerText.includes('hòa giải viên'), null, { timeout: TIMEOUT });

  // A document's form, a new document's, a round's and the list of forms meet the same
  // accessibility bar.
  for (const [path, what] of [
    ['/__niemyet/sua/van-ban?ten=chi-thi-24-ct-tu-quang-ninh', 'the document form'],
    ['/__niemyet/sua/van-ban', 'the new document form'],
    ['/__niemyet/sua/dot-bau-cu?dot=hong-gai-2022', 'the round form'],
    ['/__niemyet/sua/dot-bau-cu?don_vi=dong-ky', 'the new round form'],
    ['/__niemyet/sua/don-vi?ma=hong-gai', 'the commune form'],
    ['/__niemyet/sua/cau-hinh', 'the site form'],
    ['/__niemyet/sua', 'the list of forms'],
  ]) {
    await page.goto(base + path);
    await page.evaluate(axeSource);
    const found = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
    );
    for (const v of found.violations) {
      for (const node of v.nodes) failures.push(`axe on ${what}: ${v.id} [${v.impact}] at ${node.target.join(' ')}: ${v.help}`);
    }
  }

  // A village added to a commune in a blank row, from the commune's page: an id the build
  // refuses shows its error next to the cell as it is typed; the right one is saved.
  const communePage = `${base}/don-vi/hong-gai/`;
  await page.goto(communePage);
  await page.click('#niemyet-sua');
  await page.waitForURL(/__niemyet\/sua\/don-vi\?ma=hong-gai/);
  const communeFile = join(content, 'don-vi', 'hong-gai.yaml');
  const cell = (name) => `[id="khu_dan_cu.4.${name}"]`;
  await page.selectOption(cell('loai'), 'khu-pho');
  await page.fill(cell('ten'), 'Khu phố 5');
  await page.fill(cell('ma'), 'Khu pho 5');
  await page.waitForFunction(
    (sel) => document.querySelector(sel).textContent.includes('Khu pho 5'),
    '[id="khu_dan_cu.4.ma-loi"]',
  );
  check((await page.getAttribute(cell('ma'), 'aria-invalid')) === 'true', 'the cell in error should be marked aria-invalid');
  await page.fill(cell('ma'), 'khu-pho-5');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.trim() === '', '[id="khu_dan_cu.4.ma-loi"]');
  await Promise.all([page.waitForURL(communePage), page.click('button[value="luu"]')]);
  check(
    readFileSync(communeFile, 'utf8').endsWith('  - ma: khu-pho-5\n    ten: Khu phố 5\n    loai: khu-pho\n'),
    'the new village should be the last item of the commune file',
  );
  await page.waitForFunction(() => document.body.innerText.includes('Khu phố 5'), null, { timeout: TIMEOUT });

  // A file attached from a document's form is written beside it and listed.
  await page.goto(`${base}/__niemyet/sua/van-ban?ten=chi-thi-24-ct-tu-quang-ninh`);
  await page.setInputFiles('#tep', { name: 'ban-chup.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% scan\n') });
  await page.fill('#ten_tep', 'Bản chụp chỉ thị');
  await Promise.all([page.waitForURL(/__niemyet\/sua\/van-ban\?ten=chi-thi-24/), page.click('button[value="dinh-kem"]')]);
  check(
    (await page.textContent('main')).includes('Bản chụp chỉ thị (ban-chup.pdf)'),
    'an attached file should be listed on its document form',
  );
  check(
    readFileSync(join(content, 'van-ban', 'tep', 'ban-chup.pdf'), 'utf8').startsWith('%PDF-1.4'),
    'an attached file should be written beside its document, in tep/',
  );

  // Without JavaScript the form still works: the error comes back next to its field.
  const plain = await newPage({ javaScriptEnabled: false });
  await plain.goto(formUrl);
  await plain.fill(field('phieu_thu_vao'), '500');
  await Promise.all([plain.waitForLoadState('load'), plain.click('button[value="luu"]')]);
  check(
    (await plain.textContent(errorOf('phieu_thu_vao'))).includes('lớn hơn số phiếu phát ra'),
    'without JavaScript the error should come back next to its field',
  );

  // A form whose file changed on disk since it was opened is refused, and says so.
  const stale = await newPage();
  await stale.goto(formUrl);
  appendFileSync(resultsFile, '# sửa trong Notepad cùng lúc\n');
  const changed = readFileSync(resultsFile, 'utf8');
  await Promise.all([stale.waitForLoadState('load'), stale.click('button[value="luu"]')]);
  check(
    (await stale.textContent('body')).includes('Chưa lưu: tệp đã thay đổi'),
    'a stale form should be refused with its reason',
  );
  check(readFileSync(resultsFile, 'utf8') === changed, 'a stale form must not overwrite the file');

  // A page of another origin that posts the form, even with the token, is refused.
  const token = await stale.getAttribute('input[name="token"]', 'value');
  const opened = await stale.getAttribute('input[name="ban"]', 'value');
  const other = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>x</title><form method="post" action="${formUrl}">` +
        `<input name="token" value="${token}"><input name="ban" value="${opened}">` +
        `<input name="hanh_dong" value="luu"><button>go</button></form>`,
    );
  });
  await new Promise((done) => other.listen(0, '127.0.0.1', done));
  const attacker = await newPage();
  await attacker.goto(`http://127.0.0.1:${other.address().port}/`);
  await Promise.all([attacker.waitForLoadState('load'), attacker.click('button')]);
  check((await attacker.textContent('body')).includes('Từ chối ghi'), 'a write from another origin should be refused');
  other.close();
  check(readFileSync(resultsFile, 'utf8') === changed, 'a write from another origin must change nothing');

  // A request addressed to another Host (DNS rebinding) is not answered.
  const status = await new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/__niemyet/sua/ket-qua?dot=' + ROUND, headers: { Host: `evil.example:${port}` } },
      (res) => done(res.statusCode),
    );
    req.on('error', fail);
    req.end();
  });
  check(status === 421, `a request for another Host should be refused with 421, not ${status}`);
} catch (error) {
  failures.push(`the editor check stopped: ${error.stack || error}`);
} finally {
  await browser.close();
  preview.kill();
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`editor: ${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('editor: the forms check, save, attach, refuse and are accessible in Chromium');
