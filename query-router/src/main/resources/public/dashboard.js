// The adclick dashboard: a static page over the router's /v1 API (CONTRACT section 3).
// Every value from the API reaches the DOM through textContent, never as HTML.
(function () {
  "use strict";

  const KEY_STORAGE = "adclick.apiKey";
  const REFRESH_MS = 10000;
  const REQUEST_TIMEOUT_MS = 60000;
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;
  const METRICS = [
    { id: "impressions", label: "impressions", color: "#2f6fde", value: (b) => b.impressions },
    { id: "clicks", label: "clicks", color: "#1f9d55", value: (b) => b.clicks },
    { id: "spend", label: "spend", color: "#d98e04", value: (b) => b.spend_micros / 1e6 },
    { id: "ctr", label: "CTR %", color: "#8e44ad", value: (b) => (b.impressions > 0 ? (100 * b.clicks) / b.impressions : 0) },
  ];

  const $ = (id) => document.getElementById(id);
  const charts = {};
  const knownCampaigns = new Set();
  let timer = null;
  let busy = false;
  let pending = false;

  /** A failed call, with the router's own message when it sent one. */
  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path) {
    let response;
    let text;
    try {
      response = await fetch(path, {
        headers: { Authorization: "Bearer " + sessionStorage.getItem(KEY_STORAGE), Accept: "application/json" },
        cache: "no-store",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (e) {
      if (e.name === "TimeoutError") {
        throw new ApiError(0, "The router did not answer within " + REQUEST_TIMEOUT_MS / 1000 + " s: try again, or a shorter range.");
      }
      throw new ApiError(0, "The router cannot be reached (" + e.message + "). Is it running?");
    }
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error ? body.error : "HTTP " + response.status + " " + response.statusText;
      throw new ApiError(response.status, message);
    }
    return body;
  }

  // --- formatting

  const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fmtInt = (n) => (n == null ? "–" : integer.format(n));
  const fmtMoney = (micros) => (micros == null ? "–" : money.format(micros / 1e6));
  const hhmm = (iso) => iso.substring(11, 16);
  const time = (date) => date.toISOString().substring(11, 19) + " UTC";

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function showState(id, text) {
    $(id).textContent = text;
    $(id).hidden = !text;
  }

  // --- the query

  function filters() {
    return {
      advertiser: $("f-advertiser").value.trim(),
      minutes: parseInt($("f-range").value, 10),
      campaign: $("f-campaign").value,
      country: $("f-country").value.trim().toUpperCase(),
      device: $("f-device").value,
      publisher: $("f-publisher").value.trim(),
    };
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value) search.set(name, value);
    }
    return search.toString();
  }

  function dimensionParams(f, withCampaign) {
    return {
      advertiser_id: f.advertiser,
      campaign_id: withCampaign ? f.campaign : "",
      country: f.country,
      device: f.device,
      publisher_id: f.publisher,
    };
  }

  function floorTo(ms, unit) {
    return Math.floor(ms / unit) * unit;
  }

  /** Minute buckets when the router serves them, hour buckets (whole hours) after a 400. */
  async function dashboardReport(f, now) {
    const minuteFrom = new Date(floorTo(now - f.minutes * MINUTE, MINUTE));
    const minuteTo = new Date(floorTo(now, MINUTE) + MINUTE);
    const base = dimensionParams(f, true);
    try {
      const answer = await api("/v1/reports?" + query({
        ...base, mode: "dashboard", granularity: "minute", group_by: "campaign_id",
        from: minuteFrom.toISOString(), to: minuteTo.toISOString(),
      }));
      return {
        answer, granularity: "minute", from: minuteFrom.toISOString(), to: minuteTo.toISOString(), step: MINUTE, note: "",
      };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      const from = new Date(floorTo(now - f.minutes * MINUTE, HOUR)).toISOString();
      const to = new Date(floorTo(now, HOUR) + HOUR).toISOString();
      const answer = await api("/v1/reports?" + query({
        ...base, mode: "dashboard", granularity: "hour", group_by: "campaign_id", from, to,
      }));
      return { answer, granularity: "hour", from, to, step: HOUR, note: "minute buckets unavailable (" + e.message + "): showing hours" };
    }
  }

  /** Sums rows per bucket. */
  function byBucket(rows, bucketOf) {
    const buckets = new Map();
    for (const row of rows) {
      const key = bucketOf(row.bucket);
      const b = buckets.get(key) || { bucket: key, impressions: 0, clicks: 0, billable_clicks: 0, spend_micros: 0 };
      b.impressions += row.impressions || 0;
      b.clicks += row.clicks || 0;
      b.billable_clicks += row.billable_clicks || 0;
      b.spend_micros += row.spend_micros || 0;
      buckets.set(key, b);
    }
    return [...buckets.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
  }

  /** Every bucket of the range, with zeros where the answer has no row (no traffic). */
  function fillRange(buckets, report) {
    const byTime = new Map(buckets.map((b) => [Date.parse(b.bucket), b]));
    const filled = [];
    for (let t = Date.parse(report.from); t < Date.parse(report.to); t += report.step) {
      const empty = { bucket: new Date(t).toISOString(), impressions: 0, clicks: 0, billable_clicks: 0, spend_micros: 0 };
      filled.push(byTime.get(t) || empty);
    }
    return filled;
  }

  const hourOf = (iso) => new Date(floorTo(Date.parse(iso), HOUR)).toISOString();

  // --- panels

  function renderCharts(report, f) {
    const rows = report.answer.rows || [];
    for (const row of rows) {
      if (row.campaign_id) knownCampaigns.add(row.campaign_id);
    }
    updateCampaignOptions(f.campaign);
    const buckets = fillRange(byBucket(rows, (b) => b), report);
    const labels = buckets.map((b) => hhmm(b.bucket));
    const series = f.campaign ? "campaign " + f.campaign : "all campaigns";
    for (const metric of METRICS) {
      const data = buckets.map(metric.value);
      const chart = charts[metric.id];
      if (chart) {
        chart.data.labels = labels;
        chart.data.datasets[0].data = data;
        chart.data.datasets[0].label = metric.label + ", " + series;
        chart.update("none");
      } else {
        charts[metric.id] = new Chart($("chart-" + metric.id), {
          type: report.granularity === "minute" ? "line" : "bar",
          data: {
            labels,
            datasets: [{
              label: metric.label + ", " + series, data, borderColor: metric.color,
              backgroundColor: metric.color + "55", pointRadius: 2, tension: 0.2, fill: true,
            }],
          },
          options: {
            animation: false, maintainAspectRatio: false, responsive: true,
            plugins: { legend: { display: true, position: "bottom" } },
            scales: { y: { beginAtZero: true } },
          },
        });
      }
    }
    const source = report.answer.source ? "source " + report.answer.source : "";
    const note = [report.granularity + " buckets", source, report.note].filter(Boolean).join(" · ");
    $("chart-note").textContent = rows.length ? note : note + " · no traffic in this range";
  }

  function updateCampaignOptions(selected) {
    const select = $("f-campaign");
    const present = new Set([...select.options].map((o) => o.value));
    [...knownCampaigns].sort().filter((c) => !present.has(c)).forEach((c) => {
      const option = document.createElement("option");
      option.value = c;
      option.textContent = c;
      select.appendChild(option);
    });
    select.value = selected;
  }

  async function renderPacing(f, now) {
    const date = new Date(now).toISOString().substring(0, 10);
    $("pacing-date").textContent = date + " (UTC)";
    const tbody = $("pacing-table").querySelector("tbody");
    try {
      const answer = await api("/v1/pacing?" + query({ advertiser_id: f.advertiser, date }));
      const rows = (answer && (answer.campaigns || answer.rows)) || [];
      tbody.replaceChildren();
      for (const r of rows) {
        if (f.campaign && r.campaign_id !== f.campaign) continue;
        const spend = r.spend_micros ?? r.spend_so_far_micros ?? 0;
        const budget = r.daily_budget_micros ?? r.budget_micros ?? null;
        const tr = document.createElement("tr");
        cell(tr, r.campaign_id);
        cell(tr, fmtMoney(spend), "num");
        cell(tr, fmtMoney(budget), "num");
        const td = cell(tr, "");
        const bar = document.createElement("span");
        const fill = document.createElement("span");
        const share = budget ? Math.min(spend / budget, 1) : 0;
        const pace = typeof r.pace === "number" ? r.pace : null;
        bar.className = "bar" + (pace == null ? "" : pace > 1.1 ? " over" : pace < 0.9 ? " under" : "");
        fill.style.width = (share * 100).toFixed(1) + "%";
        bar.appendChild(fill);
        td.appendChild(bar);
        const label = document.createElement("span");
        label.className = "pace-label";
        label.textContent = (budget ? Math.round((100 * spend) / budget) + "% of budget" : "no budget")
          + (pace == null ? "" : " · pace " + pace.toFixed(2));
        td.appendChild(label);
        cell(tr, fmtMoney(r.projected_spend_micros ?? r.projected_end_of_day_spend_micros), "num");
        tbody.appendChild(tr);
      }
      $("pacing-table").hidden = rows.length === 0;
      showState("pacing-state", rows.length ? "" : "No campaign spend or budget for this day.");
    } catch (e) {
      if (e.status === 401) throw e;
      tbody.replaceChildren();
      $("pacing-table").hidden = true;
      showState("pacing-state", unavailable("Pacing", e));
    }
  }

  /** A missing endpoint (not merged or not served by this router) is a state, not a failure. */
  function unavailable(what, e) {
    if (e.status === 404 || e.status === 501 || e.status === 405) {
      return what + " is not available on this router yet (HTTP " + e.status + ").";
    }
    return what + " could not be loaded: " + e.message;
  }

  async function renderEstimateVsTruth(f, now, estimate) {
    const tbody = $("truth-table").querySelector("tbody");
    const from = new Date(floorTo(now - f.minutes * MINUTE, HOUR));
    const to = new Date(floorTo(now, HOUR) + HOUR);
    let truth;
    try {
      truth = await api("/v1/reports?" + query({
        ...dimensionParams(f, true), mode: "billing", granularity: "hour",
        from: from.toISOString(), to: to.toISOString(),
      }));
    } catch (e) {
      if (e.status === 401) throw e;
      tbody.replaceChildren();
      $("truth-table").hidden = true;
      showState("truth-state", "Truth could not be loaded: " + e.message);
      return;
    }
    const estimates = new Map(byBucket(estimate.answer.rows || [], hourOf).map((b) => [b.bucket, b]));
    const truths = byBucket(truth.rows || [], hourOf);
    tbody.replaceChildren();
    let shown = 0;
    for (const t of truths) {
      const e = estimates.get(t.bucket);
      // an hour the estimate covers only in part (minute range starting inside it) is not compared
      if (!e || t.bucket < estimate.from) continue;
      const tr = document.createElement("tr");
      cell(tr, t.bucket.substring(0, 16).replace("T", " "));
      cell(tr, fmtInt(e.billable_clicks), "num");
      cell(tr, fmtInt(t.billable_clicks), "num");
      cell(tr, fmtMoney(e.spend_micros), "num");
      cell(tr, fmtMoney(t.spend_micros), "num");
      const drift = e.billable_clicks - t.billable_clicks;
      cell(tr, (drift > 0 ? "+" : "") + fmtInt(drift) + " clicks", "num");
      tbody.appendChild(tr);
      shown++;
    }
    $("truth-table").hidden = shown === 0;
    const through = truth.complete_through ? " Truth is complete through " + truth.complete_through + "." : "";
    showState("truth-state", shown ? through.trim() : "No hour in this range has both an estimate and truth yet." + through);
  }

  async function renderReconciliation(f, now) {
    const tbody = $("recon-table").querySelector("tbody");
    const from = new Date(floorTo(now - f.minutes * MINUTE, HOUR));
    const to = new Date(floorTo(now, HOUR) + HOUR);
    try {
      const answer = await api("/v1/reconciliation?" + query({
        from: from.toISOString(), to: to.toISOString(), campaign_id: f.campaign,
      }));
      const rows = (answer && (answer.rows || answer.lines)) || [];
      tbody.replaceChildren();
      let alerts = 0;
      for (const r of rows) {
        const tr = document.createElement("tr");
        const alert = r.alert === true || r.category === "unexplained";
        if (alert) {
          tr.className = "alert";
          alerts++;
        }
        cell(tr, String(r.hour || r.bucket || "").substring(0, 16).replace("T", " "));
        cell(tr, r.campaign_id);
        cell(tr, fmtInt(r.estimate_clicks), "num");
        cell(tr, fmtInt(r.truth_clicks), "num");
        cell(tr, fmtInt(r.drift_clicks), "num");
        cell(tr, fmtMoney(r.drift_spend_micros), "num");
        cell(tr, r.category || "");
        const badge = document.createElement("span");
        badge.className = "badge " + (alert ? "alert" : "ok");
        badge.textContent = alert ? "ALERT" : "ok";
        cell(tr, "").appendChild(badge);
        tbody.appendChild(tr);
      }
      $("recon-table").hidden = rows.length === 0;
      showState("recon-state", rows.length
        ? (alerts ? alerts + " line(s) with unexplained drift." : "Every drift in this range is explained.")
        : "No reconciled hour in this range yet.");
    } catch (e) {
      if (e.status === 401) throw e;
      tbody.replaceChildren();
      $("recon-table").hidden = true;
      showState("recon-state", unavailable("Reconciliation", e));
    }
  }

  // --- refresh loop and sign-in

  async function refresh() {
    if (busy) {
      pending = true; // a filter changed during a load: load again when it ends
      return;
    }
    busy = true;
    pending = false;
    const f = filters();
    const now = Date.now();
    try {
      let estimate = null;
      try {
        estimate = await dashboardReport(f, now);
        renderCharts(estimate, f);
        showState("status", "");
      } catch (e) {
        if (e.status === 401) throw e;
        showState("status", "The report could not be loaded: " + e.message);
      }
      await Promise.all([
        renderPacing(f, now),
        renderReconciliation(f, now),
        estimate ? renderEstimateVsTruth(f, now, estimate) : Promise.resolve(),
      ]);
      $("updated-at").textContent = "updated at " + time(new Date());
      document.body.dataset.loaded = String(now);
    } catch (e) {
      if (e.status === 401) {
        signOut("Sign-in failed: " + e.message + " (HTTP 401).");
      } else {
        showState("status", e.message);
      }
    } finally {
      busy = false;
      if (pending && sessionStorage.getItem(KEY_STORAGE)) refresh();
    }
  }

  function schedule() {
    clearInterval(timer);
    timer = $("auto-refresh").checked ? setInterval(refresh, REFRESH_MS) : null;
  }

  function signIn(key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    $("sign-in").hidden = true;
    $("dashboard").hidden = false;
    $("sign-out").hidden = false;
    showState("sign-in-error", "");
    refresh();
    schedule();
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    clearInterval(timer);
    timer = null;
    $("dashboard").hidden = true;
    $("sign-out").hidden = true;
    $("sign-in").hidden = false;
    $("updated-at").textContent = "";
    showState("sign-in-error", message || "");
  }

  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = $("api-key").value.trim();
    $("api-key").value = "";
    if (key) signIn(key);
  });
  $("sign-out").addEventListener("click", () => signOut(""));
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  $("f-campaign").addEventListener("change", refresh);
  $("f-device").addEventListener("change", refresh);
  $("f-range").addEventListener("change", refresh);
  $("auto-refresh").addEventListener("change", schedule);

  if (typeof Chart === "undefined") {
    showState("sign-in-error", "The charting library did not load: reload the page, or check that the router serves /webjars/.");
  }
  if (sessionStorage.getItem(KEY_STORAGE)) {
    signIn(sessionStorage.getItem(KEY_STORAGE));
  }
})();
