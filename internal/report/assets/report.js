// Filters for the onus HTML report. No dependencies, no network.
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var rank = { critical: 4, high: 3, medium: 2, low: 1 };
  var form = byId('filters');
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  var cells = Array.prototype.slice.call(document.querySelectorAll('td.cell'));
  var fields = {
    severity: byId('f-severity'), owner: byId('f-owner'), layer: byId('f-layer'),
    team: byId('f-team'), service: byId('f-service'), text: byId('f-text'), waived: byId('f-waived')
  };
  var texts = findings.map(function (el) { return el.textContent.toLowerCase(); });

  function apply() {
    var min = rank[fields.severity.value] || 0;
    var owner = fields.owner.value, layer = fields.layer.value;
    var team = fields.team.value, service = fields.service.value;
    var text = fields.text.value.trim().toLowerCase();
    var waived = fields.waived.checked;
    var shown = 0;
    findings.forEach(function (el, i) {
      var d = el.dataset;
      var ok = Number(d.rank) >= min &&
        (!owner || d.owner === owner) &&
        (!layer || d.layer === layer) &&
        (!team || d.team === team) &&
        (!service || d.service === service) &&
        (waived || d.status !== 'waived') &&
        (!text || texts[i].indexOf(text) >= 0);
      el.hidden = !ok;
      if (ok) { shown++; }
    });
    groups.forEach(function (g) {
      var n = g.querySelectorAll('article.finding:not([hidden])').length;
      g.hidden = n === 0;
      var heading = g.firstElementChild;
      var count = heading && heading.querySelector('.n');
      if (count) { count.textContent = String(n); }
    });
    cells.forEach(function (c) {
      var on = (service || layer) && (!service || c.dataset.service === service) && (!layer || c.dataset.layer === layer);
      c.classList.toggle('selected', Boolean(on));
    });
    byId('f-count').textContent = shown + ' of ' + findings.length + ' findings';
    document.body.setAttribute('data-shown', String(shown));
  }

  function selectCell(c) {
    fields.service.value = c.dataset.service;
    if (fields.service.value !== c.dataset.service) { fields.service.value = ''; }
    fields.layer.value = c.dataset.layer;
    apply();
    byId('findings').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  byId('f-reset').addEventListener('click', function () {
    ['severity', 'owner', 'layer', 'team', 'service', 'text'].forEach(function (k) { fields[k].value = ''; });
    fields.waived.checked = true;
    apply();
  });
  cells.forEach(function (c) {
    c.addEventListener('click', function () { selectCell(c); });
    c.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectCell(c); }
    });
  });
  apply();
})();
