/*
 * An "Excel host stand-in" for the end-to-end test: served in place of
 * Microsoft's office.js, it defines `Office` and `Excel` with the subset of the
 * Excel JavaScript API the add-in's adapter uses, over a cell model parsed
 * from a real .xlsx (dump_workbook.py). It follows Office.js's batching rules
 * so adapter mistakes show: properties can be read only after load() and
 * context.sync(); writes and method calls are queued and applied in order at
 * sync; a missing sheet fails the sync with ItemNotFound; formatting a
 * protected sheet that forbids it, or writing a locked cell of a protected
 * sheet, fails with AccessDenied. window.__excel.displayed(sheet, cell) says
 * what a cell shows once the sheet's conditional formats are applied.
 *
 * The test sets window.__standin = { model, displayLanguage, apiVersion }
 * before this script runs; the stand-in records syncs per Excel.run,
 * selection, active sheet, settings and charts in window.__excel; what the
 * adapter sets through worksheet.pageLayout (ExcelApi 1.9, absent when the
 * configured apiVersion is lower) lands on the model sheet as `pageLayout`.
 */
(function () {
  'use strict';
  var cfg = window.__standin || {};
  var model = cfg.model || { sheets: [], names: [] };
  var versions = cfg.apiVersion || '1.9';
  function supports(v) { return +v.split('.')[1] <= +versions.split('.')[1]; }
  var settings = {};
  var state = { runs: [], selected: null, active: null, charts: [], settings: settings, model: model, opened: [] };
  window.__excel = state;

  function err(code, message) {
    var e = new Error(message);
    e.code = code;
    e.name = 'RichApi.Error';
    return e;
  }
  function colNum(s) { var n = 0; for (var i = 0; i < s.length; i++) n = n * 26 + s.charCodeAt(i) - 64; return n; }
  function colName(n) { var s = ''; while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; }
  function box(a) {
    // A whole column ("F:F") is modelled by its first cell: only column formats are set on it.
    if (/^\$?[A-Z]+:\$?[A-Z]+$/.test(a)) a = a.replace(/\$/g, '').split(':').map(function (c) { return c + '1'; }).join(':');
    var parts = a.replace(/\$/g, '').split(':');
    var m1 = /^([A-Z]+)(\d+)$/.exec(parts[0]);
    var m2 = /^([A-Z]+)(\d+)$/.exec(parts[1] || parts[0]);
    if (!m1 || !m2) throw err('InvalidArgument', 'bad address ' + a);
    return { r1: +m1[2], c1: colNum(m1[1]), r2: +m2[2], c2: colNum(m2[1]) };
  }
  function quote(s) { return /^[^\s'!\-()+,;{}\[\]0-9][^\s'!\-()+,;{}\[\]]*$/.test(s) ? s : "'" + s.replace(/'/g, "''") + "'"; }
  function findSheet(name) { for (var i = 0; i < model.sheets.length; i++) if (model.sheets[i].name === name) return model.sheets[i]; return null; }
  function isEmpty(c) { return !c || c.value === null || c.value === undefined || c.value === ''; }
  function typeOf(c) {
    if (isEmpty(c)) return 'Empty';
    if (c.type) return c.type;
    if (typeof c.value === 'number') return Number.isInteger(c.value) ? 'Double' : 'Double';
    if (typeof c.value === 'boolean') return 'Boolean';
    return 'String';
  }

  /* A batch: queued operations and loads, applied at sync. */
  function Context() {
    this._ops = [];
    this._loads = [];
    this._syncs = 0;
    this.workbook = new Workbook(this);
  }
  Context.prototype.sync = function () {
    var self = this;
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        self._syncs++;
        var ops = self._ops; var loads = self._loads;
        if (cfg.editMode) {
          // Excel refuses every request while a cell is being edited.
          self._ops = []; self._loads = [];
          reject(err('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
          return;
        }
        self._ops = []; self._loads = [];
        try {
          ops.forEach(function (op) { op(); });
          loads.forEach(function (l) { l(); });
          resolve();
        } catch (e) { reject(e); }
      }, 0);
    });
  };

  /* Base for API objects: load() marks properties readable after sync. */
  function loadable(obj, ctx, resolveProps) {
    obj._ctx = ctx;
    obj._vals = {};
    obj.load = function (props) {
      var list = typeof props === 'string' ? props.split(',') : props || [];
      ctx._loads.push(function () {
        list.forEach(function (p) {
          p = p.trim();
          if (!p) return;
          var path = p.split('/');
          resolveProps(obj, path);
        });
      });
      return obj;
    };
  }
  function getter(obj, name) {
    Object.defineProperty(obj, name, {
      configurable: true,
      get: function () {
        if (!(name in obj._vals)) throw err('PropertyNotLoaded', 'The property \'' + name + '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()".');
        return obj._vals[name];
      },
    });
  }

  function Workbook(ctx) {
    this.worksheets = new Worksheets(ctx);
    this.names = new Names(ctx);
    this.settings = new Settings(ctx);
  }

  function Worksheets(ctx) {
    var self = this;
    loadable(this, ctx, function (o, path) {
      if (path[0] !== 'items') return;
      // One set of item objects per batch; each loaded path fills them in.
      if (!o._vals.items || o._vals.items._batch !== ctx._syncs) {
        o._vals.items = model.sheets.map(function (s) { return new Worksheet(ctx, (function (sh) { return function () { return sh; }; })(s), true); });
        o._vals.items._batch = ctx._syncs;
      }
      o._vals.items.forEach(function (w) { w._fill(path.slice(1)); });
    });
    getter(this, 'items');
    this.getItem = function (name) {
      return new Worksheet(ctx, function () { var s = findSheet(name); if (!s) throw err('ItemNotFound', 'The requested resource doesn\'t exist: sheet ' + name); return s; });
    };
    this.add = function (name) {
      ctx._ops.push(function () {
        if (findSheet(name)) throw err('ItemAlreadyExists', 'sheet exists: ' + name);
        model.sheets.push({ name: name, visibility: 'Visible', protected: false, allowFormatCells: false, cells: {} });
      });
      return self.getItem(name);
    };
  }

  function Worksheet(ctx, resolve, plain) {
    var self = this;
    this._resolve = resolve;
    loadable(this, ctx, function (o, path) { o._fill(path); });
    this._fill = function (path) {
      var s = resolve();
      if (path[0] === 'name') self._vals.name = s.name;
      if (path[0] === 'visibility') self._vals.visibility = s.visibility;
      if (path[0] === 'protection') {
        self._vals.protection = { protected: !!s.protected, options: { allowFormatCells: !!s.allowFormatCells } };
      }
    };
    getter(this, 'visibility');
    getter(this, 'protection');
    Object.defineProperty(this, 'name', {
      get: function () { if (!('name' in self._vals)) throw err('PropertyNotLoaded', 'name not loaded'); return self._vals.name; },
      set: function (v) { ctx._ops.push(function () { resolve().name = v; }); },
    });
    this.getRange = function (a) { return new Range(ctx, function () { return resolve(); }, a); };
    this.getUsedRange = function () { return usedRange(ctx, resolve, false); };
    this.getUsedRangeOrNullObject = function () { return usedRange(ctx, resolve, true); };
    this.activate = function () { ctx._ops.push(function () { state.active = resolve().name; }); };
    this.delete = function () {
      ctx._ops.push(function () {
        var s = resolve();
        model.sheets.splice(model.sheets.indexOf(s), 1);
        // Names that pointed at the sheet become #REF!, as in Excel.
        model.names.forEach(function (n) { if (refSheet(n.value) === s.name) n.value = '#REF!' + n.value.split('!').pop(); });
      });
    };
    this.charts = {
      add: function (type, source, seriesBy) {
        var chart = { sheet: null, type: type, source: null, seriesBy: seriesBy, title: null, position: null };
        ctx._ops.push(function () { chart.sheet = resolve().name; chart.source = source._address(); state.charts.push(chart); });
        return {
          title: { set text(v) { ctx._ops.push(function () { chart.title = v; }); } },
          setPosition: function (a, b) { ctx._ops.push(function () { chart.position = a + ':' + b; }); },
        };
      },
    };
    this.freezePanes = { freezeRows: function (n) { ctx._ops.push(function () { resolve().frozenRows = n; }); } };
    if (supports('1.9')) this.pageLayout = new PageLayout(ctx, resolve);
  }

  /* worksheet.pageLayout: the values Excel accepts, checked at sync as Excel does. */
  var ORIENTATIONS = ['Portrait', 'Landscape'];
  var PAPERS = ['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal', 'Tabloid', 'Executive', 'Folio', 'Quatro', 'Statement', 'Note'];
  function pageCount(n) { return n === null || n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767); }
  function PageLayout(ctx, resolve) {
    function put(key, value, ok) {
      ctx._ops.push(function () {
        var s = resolve();
        if (!ok(value)) throw err('InvalidArgument', 'pageLayout.' + key + ': ' + JSON.stringify(value));
        s.pageLayout = s.pageLayout || {};
        s.pageLayout[key] = value;
      });
    }
    Object.defineProperty(this, 'orientation', { set: function (v) { put('orientation', v, function (x) { return ORIENTATIONS.indexOf(x) >= 0; }); } });
    Object.defineProperty(this, 'paperSize', { set: function (v) { put('paperSize', v, function (x) { return PAPERS.indexOf(x) >= 0; }); } });
    Object.defineProperty(this, 'zoom', {
      set: function (v) {
        var z = { horizontalFitToPages: v && v.horizontalFitToPages, verticalFitToPages: v && v.verticalFitToPages, scale: v && v.scale };
        put('zoom', z, function (x) {
          var fit = x.horizontalFitToPages != null || x.verticalFitToPages != null;
          // Either a scale or fit-to-pages, not both.
          if (fit && x.scale != null) return false;
          if (!fit) return x.scale >= 10 && x.scale <= 400;
          return pageCount(x.horizontalFitToPages) && pageCount(x.verticalFitToPages);
        });
      },
    });
    function address(r) { return typeof r === 'string' ? r : r._address().split('!').pop(); }
    this.setPrintTitleRows = function (r) { put('titleRows', address(r), function (x) { return /^\$?\d+:\$?\d+$/.test(x); }); };
    this.setPrintTitleColumns = function (r) { put('titleColumns', address(r), function (x) { return /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(x); }); };
  }

  function usedRange(ctx, resolveSheet, orNull) {
    var r = new Range(ctx, resolveSheet, function () {
      var s = resolveSheet();
      var r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
      Object.keys(s.cells).forEach(function (k) {
        if (isEmpty(s.cells[k])) return;
        var b = box(k);
        r1 = Math.min(r1, b.r1); c1 = Math.min(c1, b.c1); r2 = Math.max(r2, b.r1); c2 = Math.max(c2, b.c1);
      });
      if (!r2) return orNull ? null : 'A1';
      return colName(c1) + r1 + ':' + colName(c2) + r2;
    }, orNull);
    return r;
  }

  function refSheet(v) {
    var s = String(v).replace(/^=/, '');
    var i = s.lastIndexOf('!');
    if (i < 0) return null;
    s = s.slice(0, i);
    return s.charAt(0) === "'" ? s.slice(1, -1).replace(/''/g, "'") : s;
  }

  function Range(ctx, resolveSheet, address, orNull) {
    var self = this;
    var addr = function () { return typeof address === 'function' ? address() : address; };
    this._address = function () { var a = addr(); return quote(resolveSheet().name) + '!' + (a || 'A1'); };
    function cellsOf(fn) {
      var s = resolveSheet();
      var a = addr();
      if (!a) return;
      var b = box(a);
      for (var r = b.r1; r <= b.r2; r++) for (var c = b.c1; c <= b.c2; c++) fn(s, colName(c) + r, r - b.r1, c - b.c1);
    }
    function grid(f) {
      var out = [];
      cellsOf(function (s, k, i, j) { (out[i] = out[i] || [])[j] = f(s.cells[k]); });
      return out;
    }
    function first() { var a = addr(); return a ? resolveSheet().cells[a.split(':')[0]] : null; }
    function canFormat() {
      var s = resolveSheet();
      if (s.protected && !s.allowFormatCells) throw err('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
    function cellAt(s, k) { return s.cells[k] || (s.cells[k] = { value: null }); }
    /* On a protected sheet only unlocked cells (the cell's own style, else its column's) take values. */
    function canWrite() {
      var s = resolveSheet();
      if (!s.protected) return;
      cellsOf(function (sh, k) {
        var c = sh.cells[k];
        var col = k.replace(/\d+$/, '');
        var unlocked = c && c.unlocked !== undefined ? c.unlocked : (sh.unlockedColumns || []).indexOf(col) >= 0;
        if (!unlocked) throw err('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
      });
    }
    loadable(this, ctx, function (o, path) {
      if (orNull && !addr()) { o._vals.isNullObject = true; return; }
      o._vals.isNullObject = false;
      var p = path.join('/');
      if (p === 'address') o._vals.address = self._address();
      else if (p === 'values') o._vals.values = grid(function (c) { return isEmpty(c) ? '' : c.value; });
      else if (p === 'valueTypes') o._vals.valueTypes = grid(typeOf);
      else if (p === 'formulas') o._vals.formulas = grid(function (c) { return c && c.formula ? c.formula : isEmpty(c) ? '' : c.value; });
      else if (p === 'isNullObject') { /* set above */ }
      else if (p === 'format/fill/color') fmt.fill._vals.color = (first() && first().fill) || '#FFFFFF';
      else if (p === 'format/fill/pattern') fmt.fill._vals.pattern = first() && first().fill ? 'Solid' : 'None';
      else if (p === 'format/font/color') fmt.font._vals.color = (first() && first().font) || '#000000';
      else throw err('InvalidArgument', 'stand-in cannot load ' + p);
    });
    ['address', 'values', 'valueTypes', 'formulas', 'isNullObject'].forEach(function (n) { if (n !== 'values') getter(self, n); });
    Object.defineProperty(this, 'values', {
      get: function () { if (!('values' in self._vals)) throw err('PropertyNotLoaded', 'values not loaded'); return self._vals.values; },
      set: function (v) {
        ctx._ops.push(function () {
          canWrite();
          cellsOf(function (s, k, i, j) {
            var x = v[i][j];
            var c = cellAt(s, k);
            if (typeof x === 'string' && x.charAt(0) === "'") { c.value = x.slice(1); c.formula = undefined; }
            else if (typeof x === 'string' && x.charAt(0) === '=') { c.value = '#FORMULA'; c.formula = x; }
            else { c.value = x === '' ? null : x; c.formula = undefined; }
            c.type = undefined;
          });
        });
      },
    });
    function colourProp(target, name, key) {
      target._vals = {};
      Object.defineProperty(target, name, {
        get: function () { if (!(name in target._vals)) throw err('PropertyNotLoaded', name + ' not loaded'); return target._vals[name]; },
        set: function (v) { ctx._ops.push(function () { canFormat(); cellsOf(function (s, k) { cellAt(s, k)[key] = v; }); }); },
      });
    }
    var fmt = { fill: {}, font: {} };
    colourProp(fmt.fill, 'color', 'fill');
    fmt.fill._vals = fmt.fill._vals || {};
    Object.defineProperty(fmt.fill, 'pattern', { get: function () { if (!('pattern' in fmt.fill._vals)) throw err('PropertyNotLoaded', 'pattern'); return fmt.fill._vals.pattern; } });
    fmt.fill.clear = function () { ctx._ops.push(function () { canFormat(); cellsOf(function (s, k) { cellAt(s, k).fill = null; }); }); };
    colourProp(fmt.font, 'color', 'font');
    Object.defineProperty(fmt.font, 'bold', { set: function (v) { ctx._ops.push(function () { canFormat(); cellsOf(function (s, k) { cellAt(s, k).bold = v; }); }); } });
    Object.defineProperty(fmt.font, 'size', { set: function (v) { ctx._ops.push(function () { canFormat(); cellsOf(function (s, k) { cellAt(s, k).size = v; }); }); } });
    fmt.autofitColumns = function () { ctx._ops.push(function () { resolveSheet(); }); };
    Object.defineProperty(fmt, 'columnWidth', {
      set: function (v) {
        ctx._ops.push(function () {
          var s = resolveSheet();
          s.columnWidths = s.columnWidths || {};
          s.columnWidths[addr().replace(/\$/g, '').split(':')[0].replace(/\d+$/, '')] = v;
        });
      },
    });
    Object.defineProperty(this, 'numberFormat', {
      set: function (v) {
        ctx._ops.push(function () { cellsOf(function (s, k, i, j) { cellAt(s, k).numberFormat = v[i][j]; }); });
      },
    });
    this.clear = function (applyTo) {
      ctx._ops.push(function () {
        if (applyTo !== 'Contents') throw err('InvalidArgument', 'stand-in models clear("Contents") only');
        canWrite();
        cellsOf(function (s, k) { if (s.cells[k]) { s.cells[k].value = null; s.cells[k].formula = undefined; } });
      });
    };
    this.format = fmt;
    this.select = function () {
      ctx._ops.push(function () {
        var s = resolveSheet();
        if (state.active !== s.name) throw err('InvalidSelection', 'select on an inactive sheet');
        state.selected = { sheet: s.name, address: addr() };
      });
    };
    this.getRow = function (i) {
      return new Range(ctx, resolveSheet, function () { var b = box(addr()); return colName(b.c1) + (b.r1 + i) + ':' + colName(b.c2) + (b.r1 + i); });
    };
  }

  function Names(ctx) {
    loadable(this, ctx, function (o, path) {
      if (path[0] !== 'items') return;
      o._vals.items = model.names.map(function (n) { return { name: n.name, type: 'Range', value: n.value }; });
    });
    getter(this, 'items');
  }

  function Settings(ctx) {
    this.add = function (k, v) { ctx._ops.push(function () { settings[k] = v; }); };
    this.getItem = function (k) {
      return { delete: function () { ctx._ops.push(function () { if (!(k in settings)) throw err('ItemNotFound', 'setting ' + k); delete settings[k]; }); } };
    };
    this.getItemOrNullObject = function (k) {
      var item = { delete: function () { ctx._ops.push(function () { delete settings[k]; }); } };
      loadable(item, ctx, function (o) { o._vals.isNullObject = !(k in settings); o._vals.value = settings[k]; });
      getter(item, 'isNullObject');
      getter(item, 'value');
      return item;
    };
  }

  /*
   * What a cell shows, with conditional formats over its direct format as
   * Excel applies them: rules in priority order, the first true one paints.
   * The mark rule ($I5=n, a number in the hidden mark column) is evaluated; any other rule
   * here is the entry sheet's status colouring, whose formula always yields
   * one status word, so a cell it covers shows a status colour ("status"),
   * never its direct fill. A rule of another shape is an error.
   */
  state.displayed = function (sheetName, a1) {
    var s = findSheet(sheetName);
    var cell = s.cells[a1] || {};
    var at = box(a1);
    var rules = s.conditionalFormats || [];
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      var inside = r.sqref.split(' ').some(function (q) { var b = box(q); return at.r1 >= b.r1 && at.r1 <= b.r2 && at.c1 >= b.c1 && at.c1 <= b.c2; });
      if (!inside) continue;
      // The mark rule: $I5=3, row-relative to the rule's first row, on this sheet.
      var m = /^\$([A-Z]+)(\d+)=(\d+)$/.exec(r.formula || '');
      if (m) {
        var first = box(r.sqref.split(' ')[0]).r1;
        var v = s.cells[m[1] + (+m[2] + at.r1 - first)];
        if (v && v.value === +m[3]) return { fill: r.fill, font: r.font, by: 'mark' };
        continue;
      }
      if (/^\$[A-Z]+\d+="[^"]*"$/.test(r.formula || '')) return { fill: null, font: null, by: 'status' };
      throw new Error('stand-in cannot evaluate the conditional format ' + r.formula);
    }
    return { fill: cell.fill || null, font: cell.font || null, by: 'cell' };
  };

  window.Excel = {
    run: function (fn) {
      var ctx = new Context();
      var rec = { syncs: 0 };
      state.runs.push(rec);
      return Promise.resolve(fn(ctx)).then(
        function (v) { rec.syncs = ctx._syncs; return v; },
        function (e) { rec.syncs = ctx._syncs; rec.error = e && e.code; throw e; }
      );
    },
    ChartType: { barClustered: 'BarClustered' },
    // ExcelApi 1.8: a new workbook from a base64 .xlsx; recorded in window.__excel.opened.
    createWorkbook: function (base64) {
      if (!supports('1.8')) return Promise.reject(Object.assign(new Error('createWorkbook needs ExcelApi 1.8'), { code: 'ApiNotFound' }));
      state.opened.push(base64);
      return Promise.resolve();
    },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: cfg.displayLanguage || 'zh-CN',
      requirements: {
        isSetSupported: function (name, v) {
          if (name !== 'ExcelApi') return false;
          return supports(v);
        },
      },
    },
    onReady: function (cb) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise(function (resolve) { setTimeout(function () { if (cb) cb(info); resolve(info); }, 0); });
    },
  };
})();
