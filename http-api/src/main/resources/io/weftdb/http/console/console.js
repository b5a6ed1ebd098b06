"use strict";
// The WeftDB web console: a client of the HTTP API and nothing else. Every value from the server
// is put on the page with textContent, never as HTML: query results are data, not markup.

const PAGE_ROWS = 100;
/** Rows kept in the browser per result; past this the stream is read to its end but not kept. */
const KEPT_ROWS = 10000;
const METRICS_INTERVAL_MS = 2000;
const METRICS_POINTS = 60;
const SESSIONS_INTERVAL_MS = 3000;

const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem("weftdb-token") || "";
let running = null;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function headers(extra) {
  return Object.assign({}, token ? {"Authorization": "Bearer " + token} : {}, extra || {});
}

/** A call to the API answering JSON; throws the API's error object on failure. */
async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: headers(body === undefined ? {} : {"Content-Type": "application/json"}),
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 401) {
    showLogin("The token was not accepted.");
    throw {code: "28000", message: "not logged in"};
  }
  if (response.status === 204) return null;
  const answer = await response.json();
  if (!response.ok) throw answer.error || {code: String(response.status), message: response.statusText};
  return answer;
}

// ---- login ------------------------------------------------------------------------------------

/** Shows the console when the stored token (or none) is accepted, else the login form. */
async function start() {
  const response = await fetch("/v1/status", {headers: headers()});
  if (response.status === 401) {
    showLogin(token ? "The token was not accepted." : "");
    return;
  }
  const status = await response.json();
  showApp(status);
}

function showLogin(message) {
  stopMetrics();
  clearInterval(sessionsTimer);
  sessionsTimer = null;
  $("app").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
  $("login-token").focus();
}

async function login(event) {
  event.preventDefault();
  token = $("login-token").value;
  const response = await fetch("/v1/status", {headers: headers()});
  if (!response.ok) {
    $("login-error").textContent = response.status === 401 ? "That is not the server's token." : "HTTP " + response.status;
    return;
  }
  sessionStorage.setItem("weftdb-token", token);
  showApp(await response.json());
}

function logout() {
  token = "";
  sessionStorage.removeItem("weftdb-token");
  $("login-token").value = "";
  showLogin("");
}

function showApp(status) {
  $("login").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = !token;
  $("server").textContent = "WeftDB " + status.version + " · " + status.listeners
      .map((listener) => listener.protocol + " :" + listener.port + (listener.tls ? " (TLS)" : "")).join(", ");
  loadDatabases();
}

// ---- schema browser ---------------------------------------------------------------------------

async function loadDatabases() {
  const tree = $("schema");
  tree.replaceChildren();
  let answer;
  try {
    answer = await api("GET", "/v1/databases");
  } catch (error) {
    tree.appendChild(element("li", error.message, "error"));
    return;
  }
  const selected = $("database").value || "postgres";
  $("database").replaceChildren();
  for (const database of answer.databases) {
    const option = element("option", database.name);
    option.selected = database.name === selected;
    $("database").appendChild(option);
    const item = branch(database.name, (children) => loadTables(database.name, children));
    tree.appendChild(item);
    if (database.name === selected) item.querySelector(".node").click();
  }
}

/** A tree item that loads its children the first time it is opened. */
function branch(label, load, title) {
  const item = element("li");
  const node = element("span", label, "node");
  if (title) node.title = title;
  const children = element("ul");
  children.hidden = true;
  let loaded = false;
  node.addEventListener("click", async () => {
    const opening = children.hidden;
    children.hidden = !opening;
    item.classList.toggle("open", opening);
    if (opening && !loaded) {
      loaded = true;
      await load(children);
    }
  });
  item.append(node, children);
  return item;
}

async function loadTables(database, list) {
  let answer;
  try {
    answer = await api("GET", "/v1/databases/" + encodeURIComponent(database) + "/tables");
  } catch (error) {
    list.appendChild(element("li", error.message, "error"));
    return;
  }
  if (answer.tables.length === 0) list.appendChild(element("li", "(no tables)", "muted"));
  for (const table of answer.tables) {
    const qualified = table.schema + "." + table.name;
    const label = (table.schema === "public" ? "" : table.schema + ".") + table.name;
    const item = branch(label, (children) => loadColumns(database, qualified, children), table.kind);
    item.querySelector(".node").addEventListener("dblclick", () => {
      $("database").value = database;
      $("sql").value = "SELECT * FROM " + label + " LIMIT 1000;";
      run();
    });
    list.appendChild(item);
  }
}

async function loadColumns(database, table, list) {
  let answer;
  try {
    answer = await api("GET", "/v1/databases/" + encodeURIComponent(database) + "/tables/" + encodeURIComponent(table));
  } catch (error) {
    list.appendChild(element("li", error.message, "error"));
    return;
  }
  for (const column of answer.columns) {
    const item = element("li", column.name, "column");
    const key = answer.primaryKey.includes(column.name) ? " PK" : "";
    item.appendChild(element("span", column.type + (column.nullable ? "" : " NOT NULL") + key, "type"));
    list.appendChild(item);
  }
}

// ---- SQL editor and results -------------------------------------------------------------------

/** Runs the editor's SQL, reading the answer as an NDJSON stream so big results show as they come. */
async function run() {
  if (running) return;
  const results = $("results");
  results.replaceChildren();
  $("status").textContent = "running...";
  // The console names the query itself, so Stop can cancel it before any answer has come back.
  const queryId = "console-" + Date.now().toString(36) + "-" + Math.random().toString(36).substring(2, 8);
  running = queryId;
  $("run").disabled = true;
  $("stop").disabled = false;
  const body = {sql: $("sql").value, dialect: $("dialect").value, database: $("database").value || "postgres"};
  let current = null;
  let statements = 0;
  try {
    const response = await fetch("/v1/sql", {
      method: "POST",
      headers: headers({"Content-Type": "application/json", "Accept": "application/x-ndjson", "WeftDB-Query-Id": queryId}),
      body: JSON.stringify(body)
    });
    if (response.status === 401) {
      showLogin("The token was not accepted.");
      return;
    }
    if (!response.ok) {
      const answer = await response.json();
      showError(answer.error);
      $("status").textContent = "HTTP " + response.status;
      return;
    }
    for await (const line of lines(response.body)) {
      if (line.columns) {
        current = new ResultGrid(line.columns);
        results.appendChild(current.root);
      } else if (Array.isArray(line)) {
        current.add(line);
      } else if (line.command !== undefined) {
        statements++;
        if (current) {
          current.finish(line);
          current = null;
        } else {
          results.appendChild(element("div", line.command, "muted"));
        }
        (line.notices || []).forEach((notice) => results.appendChild(element("div", notice.severity + ": " + notice.message, "notice")));
      } else if (line.error) {
        showError(line.error);
      } else if (line.done) {
        $("status").textContent = statements + " statement(s) in " + line.elapsedMs + " ms";
      }
    }
    loadDatabases();
  } catch (failure) {
    $("status").textContent = "";
    showError({code: "client", message: String(failure)});
  } finally {
    running = null;
    $("run").disabled = false;
    $("stop").disabled = true;
  }
}

/** The JSON values of a stream of newline-separated lines. */
async function* lines(stream) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffered += value;
    let end;
    while ((end = buffered.indexOf("\n")) >= 0) {
      const text = buffered.substring(0, end);
      buffered = buffered.substring(end + 1);
      if (text.trim()) yield JSON.parse(text);
    }
  }
  if (buffered.trim()) yield JSON.parse(buffered);
}

/** One result's rows as a table shown a page at a time, growing while the rows stream in. */
class ResultGrid {
  constructor(columns) {
    this.columns = columns;
    this.rows = [];
    this.total = 0;
    this.page = 0;
    this.root = element("div", undefined, "result");
    this.table = element("table", undefined, "grid");
    this.pager = element("div", undefined, "pager");
    this.previous = element("button", "‹ Previous");
    this.next = element("button", "Next ›");
    this.position = element("span");
    this.previous.addEventListener("click", () => this.show(this.page - 1));
    this.next.addEventListener("click", () => this.show(this.page + 1));
    this.pager.append(this.previous, this.position, this.next);
    this.command = element("div", "", "muted");
    this.root.append(this.pager, this.table, this.command);
    this.show(0);
  }

  add(row) {
    this.total++;
    if (this.rows.length < KEPT_ROWS) this.rows.push(row);
    // Redraw only while the rows land on the page being looked at.
    if (this.rows.length <= (this.page + 1) * PAGE_ROWS || this.total % 1000 === 0) this.show(this.page);
  }

  finish(line) {
    this.command.textContent = line.command;
    this.show(this.page);
  }

  show(page) {
    const pages = Math.max(1, Math.ceil(this.rows.length / PAGE_ROWS));
    this.page = Math.min(Math.max(0, page), pages - 1);
    const head = element("tr");
    this.columns.forEach((column) => {
      const th = element("th", column.name);
      th.title = column.type;
      head.appendChild(th);
    });
    const body = [head];
    for (const row of this.rows.slice(this.page * PAGE_ROWS, (this.page + 1) * PAGE_ROWS)) {
      const tr = element("tr");
      row.forEach((value, index) => tr.appendChild(cell(value, this.columns[index].type)));
      body.push(tr);
    }
    this.table.replaceChildren(...body);
    const first = this.rows.length === 0 ? 0 : this.page * PAGE_ROWS + 1;
    const last = Math.min(this.rows.length, (this.page + 1) * PAGE_ROWS);
    this.position.textContent = "rows " + first + "–" + last + " of " + this.total
        + (this.total > this.rows.length ? " (the first " + this.rows.length + " are kept)" : "");
    this.previous.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  }
}

const NUMERIC = /^(smallint|integer|bigint|real|double precision|numeric)/;

function cell(value, type) {
  if (value === null) return element("td", "NULL", "null");
  const td = element("td", typeof value === "object" ? JSON.stringify(value) : String(value));
  if (NUMERIC.test(type)) td.className = "number";
  td.title = td.textContent;
  return td;
}

function showError(error) {
  let text = "ERROR " + error.code + ": " + error.message;
  if (error.detail) text += "\nDETAIL: " + error.detail;
  if (error.hint) text += "\nHINT: " + error.hint;
  if (error.position) {
    text += "\nat character " + error.position + ": " + $("sql").value.substring(error.position - 1, error.position + 30);
  }
  $("results").appendChild(element("div", text, "error"));
}

// ---- sessions ---------------------------------------------------------------------------------

async function loadSessions() {
  let sessions;
  let queries;
  try {
    [sessions, queries] = await Promise.all([api("GET", "/v1/sessions"), api("GET", "/v1/queries")]);
  } catch (error) {
    $("sessions").replaceChildren(element("tr", error.message, "error"));
    return;
  }
  const rows = [header(["id", "user", "database", "transaction", "HTTP session", ""])];
  for (const session of sessions.sessions) {
    const tr = element("tr");
    [session.id, session.user, session.database, session.terminating ? "terminating" : session.transaction,
      session.httpSession || ""].forEach((value) => tr.appendChild(element("td", String(value))));
    const kill = element("button", "Kill");
    kill.dataset.session = session.id;
    kill.addEventListener("click", async () => {
      if (!confirm("End session " + session.id + "? Its transaction is rolled back.")) return;
      try {
        await api("DELETE", "/v1/sessions/" + session.id);
      } catch (error) {
        alert(error.code + ": " + error.message);
      }
      loadSessions();
    });
    const action = element("td");
    action.appendChild(kill);
    tr.appendChild(action);
    rows.push(tr);
  }
  $("sessions").replaceChildren(...rows);
  const queryRows = [header(["id", "session", "running", "sql", ""])];
  for (const query of queries.queries) {
    const tr = element("tr");
    [query.id, query.session, query.runningMs + " ms", query.sql].forEach((value) => tr.appendChild(element("td", String(value))));
    const cancel = element("button", "Cancel");
    cancel.addEventListener("click", async () => {
      try {
        await api("DELETE", "/v1/queries/" + encodeURIComponent(query.id));
      } catch (error) {
        alert(error.code + ": " + error.message);
      }
      loadSessions();
    });
    const action = element("td");
    action.appendChild(cancel);
    tr.appendChild(action);
    queryRows.push(tr);
  }
  $("queries").replaceChildren(...queryRows);
}

function header(names) {
  const tr = element("tr");
  names.forEach((name) => tr.appendChild(element("th", name)));
  return tr;
}

// ---- metrics ----------------------------------------------------------------------------------

let metricsTimer = null;
let previousSample = null;
const qps = [];
const latency = [];

function startMetrics() {
  if (metricsTimer === null) {
    sampleMetrics();
    metricsTimer = setInterval(sampleMetrics, METRICS_INTERVAL_MS);
  }
}

function stopMetrics() {
  if (metricsTimer !== null) {
    clearInterval(metricsTimer);
    metricsTimer = null;
  }
  previousSample = null;
}

/** Reads the Prometheus text of /metrics: each sample's name (labels included) to its value. */
function parseMetrics(text) {
  const values = new Map();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    values.set(line.substring(0, space), Number(line.substring(space + 1)));
  }
  return values;
}

function sum(values, name) {
  let total = 0;
  for (const [key, value] of values) {
    if (key === name || key.startsWith(name + "{")) total += value;
  }
  return total;
}

async function sampleMetrics() {
  const response = await fetch("/metrics", {headers: headers()});
  if (response.status === 401) {
    showLogin("The token was not accepted.");
    return;
  }
  const values = parseMetrics(await response.text());
  const sample = {at: performance.now(), requests: sum(values, "weftdb_http_sql_requests_total"),
    seconds: sum(values, "weftdb_http_sql_request_seconds_total")};
  if (previousSample) {
    const elapsed = (sample.at - previousSample.at) / 1000;
    const requests = sample.requests - previousSample.requests;
    push(qps, requests / elapsed);
    push(latency, requests > 0 ? (sample.seconds - previousSample.seconds) * 1000 / requests : 0);
    chart($("chart-qps"), qps, "#2a6fb0");
    chart($("chart-latency"), latency, "#b0562a");
  }
  previousSample = sample;
  const rows = [header(["metric", "value"])];
  for (const name of ["weftdb_sessions", "weftdb_http_sessions", "weftdb_http_running_queries",
    "weftdb_jvm_heap_used_bytes", "weftdb_uptime_seconds"]) {
    const tr = element("tr");
    tr.append(element("td", name), element("td", String(values.get(name))));
    rows.push(tr);
  }
  $("gauges").replaceChildren(...rows);
}

function push(series, value) {
  series.push(value);
  if (series.length > METRICS_POINTS) series.shift();
}

/** A line chart of the series, newest point on the right, scaled to its largest value. */
function chart(canvas, series, color) {
  const context = canvas.getContext("2d");
  const width = canvas.width;
  const height = canvas.height;
  const left = 48;
  const bottom = height - 18;
  context.clearRect(0, 0, width, height);
  const top = Math.max(1, ...series) * 1.1;
  context.font = "11px sans-serif";
  context.fillStyle = "#666";
  context.strokeStyle = "#eee";
  for (let step = 0; step <= 4; step++) {
    const y = bottom - (bottom - 8) * step / 4;
    context.beginPath();
    context.moveTo(left, y);
    context.lineTo(width - 4, y);
    context.stroke();
    context.fillText((top * step / 4).toFixed(top < 10 ? 1 : 0), 4, y + 4);
  }
  context.fillText(METRICS_POINTS * METRICS_INTERVAL_MS / 1000 + " s", left, height - 4);
  context.fillText("now", width - 28, height - 4);
  context.strokeStyle = color;
  context.lineWidth = 2;
  context.beginPath();
  const stepX = (width - 4 - left) / (METRICS_POINTS - 1);
  series.forEach((value, index) => {
    const x = left + (METRICS_POINTS - series.length + index) * stepX;
    const y = bottom - (bottom - 8) * value / top;
    if (index === 0) context.moveTo(x, y); else context.lineTo(x, y);
  });
  context.stroke();
}

// ---- tabs and wiring --------------------------------------------------------------------------

let sessionsTimer = null;

function showTab(name) {
  for (const button of $("tabs").querySelectorAll("button")) button.classList.toggle("active", button.dataset.tab === name);
  for (const tab of ["query", "sessions", "metrics", "compat"]) $("tab-" + tab).hidden = tab !== name;
  clearInterval(sessionsTimer);
  sessionsTimer = null;
  if (name === "sessions") {
    loadSessions();
    sessionsTimer = setInterval(loadSessions, SESSIONS_INTERVAL_MS);
  }
  if (name === "metrics") startMetrics(); else stopMetrics();
  if (name === "compat") loadCompat();
}

// ---- compatibility matrix ------------------------------------------------------------------------

/** "passed/total" for one feature on one target, as STATUS_MATRIX.md writes it. */
function counts(result) {
  return result ? result.passed + "/" + result.total : "";
}

async function loadCompat() {
  let matrix;
  try {
    matrix = await api("GET", "/v1/compat");
  } catch (error) {
    $("compat-source").textContent = "No status matrix: " + error.message;
    return;
  }
  const targets = matrix.targets.map((target) => target.id);
  const totals = $("compat-totals");
  totals.replaceChildren(header(["target", "protocol and mode", "passing"]));
  for (const target of matrix.targets) {
    const row = element("tr");
    row.append(element("td", target.id), element("td", target.description),
      element("td", counts(matrix.corpus.totals[target.id])));
    totals.append(row);
  }
  if (matrix.sqllogictest) {
    const slt = matrix.sqllogictest;
    const row = element("tr");
    row.append(element("td", "sqllogictest"), element("td", slt.files.join(", ") + " (in process)"),
      element("td", slt.passed + "/" + slt.executed));
    totals.append(row);
  }
  const features = $("compat-features");
  features.replaceChildren(header(["feature"].concat(targets)));
  for (const feature of matrix.corpus.features) {
    const row = element("tr");
    row.append(element("td", feature.feature));
    for (const id of targets) row.append(element("td", counts(feature.results[id])));
    features.append(row);
  }
  const clients = $("compat-clients");
  clients.replaceChildren(header(["client", "scenarios passing"]));
  if (matrix.clients) {
    $("compat-clients-source").textContent = "Real clients against weftdb serve (compat-corpus/clients.sh, "
      + matrix.clients.date + ").";
    for (const client of matrix.clients.byClient) {
      const row = element("tr");
      row.append(element("td", client.client), element("td", client.passed + "/" + client.total));
      clients.append(row);
    }
  } else {
    $("compat-clients-source").textContent = "No client run is included in this status matrix.";
  }
  const failing = $("compat-failing");
  failing.replaceChildren(header(["case", "target", "status", "why"]));
  for (const result of matrix.corpus.notPassed) {
    const row = element("tr");
    row.append(element("td", result.file + ":" + result.line), element("td", result.target),
      element("td", result.status.replace("_", " ")), element("td", result.detail));
    failing.append(row);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  $("run").addEventListener("click", run);
  $("stop").addEventListener("click", () => {
    if (running) api("DELETE", "/v1/queries/" + encodeURIComponent(running)).catch(() => {});
  });
  $("sql").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
  });
  $("refresh-sessions").addEventListener("click", loadSessions);
  for (const button of $("tabs").querySelectorAll("button")) button.addEventListener("click", () => showTab(button.dataset.tab));
  start();
});
