// Monthly trend charts of the dashboard: one small ECharts chart per series, drawn from
// the JSON the page embeds (#gh-trends-data). Without ECharts the figures stay in tables.
document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("gh-trends");
  const source = document.getElementById("gh-trends-data");
  if (!holder || !source) return;
  const series = JSON.parse(source.textContent);
  if (!series.length) {
    holder.innerHTML = "";
    const empty = document.createElement("p");
    empty.className = "text-secondary mb-0";
    empty.textContent = holder.dataset.empty;
    holder.appendChild(empty);
    return;
  }
  for (const item of series) {
    const column = document.createElement("div");
    column.className = "col-12 col-lg-6";
    const title = document.createElement("div");
    title.className = "subheader mb-2";
    title.textContent = item.label;
    const chart = document.createElement("div");
    chart.style.height = "220px";
    chart.dataset.testid = "trend-" + item.key;
    column.append(title, chart);
    holder.appendChild(column);
    if (!window.echarts) continue;
    const instance = window.echarts.init(chart, null, { renderer: "svg" });
    instance.setOption({
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: item.months },
      yAxis: { type: "value" },
      series: [{ type: "bar", data: item.values, itemStyle: { color: "#206bc4" } }],
    });
    window.addEventListener("resize", () => instance.resize());
  }
});
