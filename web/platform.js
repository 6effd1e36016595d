// platform.js — the browser side of Callwise's platform seam (see app/platform.h).
// Loading screen and progress, IndexedDB storage (two save slots, kept-aside copies),
// single-writer lock across tabs, downloads, clipboard writes. Runs before index.js.
'use strict';

var CallwisePlatform = (function () {
  var DB_NAME = 'callwise', STORE = 'kv';
  var db = null;
  var storage = { kind: 'memory', detail: 'not opened yet' };
  var progress = { wasmLoaded: 0, wasmTotal: 0, dataLoaded: 0, dataTotal: 0 };
  var lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';

  function el(id) { return document.getElementById(id); }

  function showProgress() {
    var loaded = progress.wasmLoaded + progress.dataLoaded;
    var total = progress.wasmTotal + progress.dataTotal;
    var bar = el('bar');
    if (bar && total > 0) bar.firstElementChild.style.width = Math.min(100, 100 * loaded / total).toFixed(1) + '%';
    var d = el('detail');
    if (d && total > 0) d.textContent = (loaded / 1048576).toFixed(1) + ' / ' + (total / 1048576).toFixed(1) + ' MB';
  }

  function fail(en, zh) {
    var box = el('loading');
    if (!box) return;
    box.style.display = 'flex';
    box.classList.add('error');
    box.querySelector('h1').textContent = lang === 'zh' ? 'Callwise 无法启动' : 'Callwise could not start';
    el('status').textContent = lang === 'zh' ? zh : en;
    el('detail').textContent = lang === 'zh' ? en : zh;
  }

  // ---------------------------------------------------------------- IndexedDB
  function openDb() {
    return new Promise(function (resolve) {
      var done = false;
      function finish(v, why) { if (!done) { done = true; if (!v) storage = { kind: 'memory', detail: why }; resolve(v); } }
      // Some private modes hang instead of failing: give up after a few seconds.
      setTimeout(function () { finish(null, 'IndexedDB did not answer'); }, 4000);
      try {
        if (!window.indexedDB) return finish(null, 'IndexedDB is not available in this browser mode');
        var req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = function () { req.result.createObjectStore(STORE); };
        req.onsuccess = function () { finish(req.result, ''); };
        req.onerror = function () { finish(null, 'IndexedDB refused: ' + (req.error && req.error.message)); };
        req.onblocked = function () { finish(null, 'IndexedDB is blocked by another tab upgrading it'); };
      } catch (e) { finish(null, 'IndexedDB threw: ' + e.message); }
    });
  }

  function idbGet(keys) {
    return new Promise(function (resolve) {
      var out = {};
      try {
        var tx = db.transaction(STORE, 'readonly');
        var st = tx.objectStore(STORE);
        keys.forEach(function (k) { var r = st.get(k); r.onsuccess = function () { out[k] = r.result; }; });
        tx.oncomplete = function () { resolve(out); };
        tx.onerror = tx.onabort = function () { resolve(out); };
      } catch (e) { resolve(out); }
    });
  }

  function idbPut(key, value, onDone) {
    var reported = false;
    function report(ok, msg) { if (!reported) { reported = true; onDone(ok, msg); } }
    try {
      // 'strict' durability: the write is on disk before oncomplete (a killed tab keeps it).
      var tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).put(value, key);
      tx.oncomplete = function () { report(true, ''); };
      tx.onerror = function () { report(false, (tx.error && tx.error.message) || 'write error'); };
      tx.onabort = function () {
        var e = tx.error;
        report(false, e && e.name === 'QuotaExceededError' ? 'the browser storage is full' :
               ((e && e.message) || 'the write was aborted'));
      };
    } catch (e) { report(false, e.message); }
  }

  // One writer per workspace: a second tab gets read-only (Web Locks), so two tabs never
  // overwrite each other's saves.
  function takeWriterLock() {
    return new Promise(function (resolve) {
      if (!navigator.locks || !navigator.locks.request) return resolve(true);
      navigator.locks.request('callwise-workspace', { ifAvailable: true }, function (lock) {
        resolve(!!lock);
        if (lock) return new Promise(function () {});   // held for the life of the tab
      }).catch(function () { resolve(true); });
    });
  }

  function prepareStorage(Module) {
    Module.addRunDependency('callwise-storage');
    openDb().then(function (opened) {
      db = opened;
      if (!db) return {};
      storage = { kind: 'indexeddb', detail: 'IndexedDB "' + DB_NAME + '"' };
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
      return takeWriterLock().then(function (writer) {
        if (!writer) storage = { kind: 'readonly', detail: 'another tab holds the workspace' };
        return idbGet(['slot0', 'slot1']);
      });
    }).then(function (slots) {
      try { FS.mkdir('/save'); } catch (e) {}
      ['slot0', 'slot1'].forEach(function (k) {
        var v = slots[k];
        if (v instanceof ArrayBuffer) v = new Uint8Array(v);
        if (v instanceof Uint8Array) FS.writeFile('/save/' + k, v);
      });
    }).catch(function (e) {
      storage = { kind: 'memory', detail: 'reading the saved workspace failed: ' + e.message };
    }).then(function () { Module.removeRunDependency('callwise-storage'); });
  }

  // ---------------------------------------------------------------- downloads
  function download(name, mime, bytes) {
    var blob = new Blob([bytes], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url; a.download = name; a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  // ---------------------------------------------------------------- Module
  function makeModule() {
    var Module = {
      canvas: document.getElementById('canvas'),
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      preRun: [function () { prepareStorage(Module); }],
      setStatus: function (text) {
        // file_packager reports "Downloading data... (loaded/total)".
        var m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
        if (m) { progress.dataLoaded = +m[1]; progress.dataTotal = +m[2]; showProgress(); }
      },
      // Fetch the wasm ourselves to count its bytes for the progress bar.
      instantiateWasm: function (imports, success) {
        fetch('index.wasm', { credentials: 'same-origin' }).then(function (resp) {
          if (!resp.ok) throw new Error('HTTP ' + resp.status);
          progress.wasmTotal = +resp.headers.get('Content-Length') || 0;
          if (!resp.body || !progress.wasmTotal) return resp.arrayBuffer();
          var reader = resp.body.getReader(), chunks = [], got = 0;
          function pump() {
            return reader.read().then(function (r) {
              if (r.done) {
                var all = new Uint8Array(got), off = 0;
                chunks.forEach(function (c) { all.set(c, off); off += c.length; });
                return all.buffer;
              }
              chunks.push(r.value); got += r.value.length;
              progress.wasmLoaded = got; showProgress();
              return pump();
            });
          }
          return pump();
        }).then(function (buf) { return WebAssembly.instantiate(buf, imports); })
          .then(function (out) { success(out.instance, out.module); })
          .catch(function (e) {
            fail('Callwise could not be loaded (' + e.message + '). Reload the page.',
                 'Callwise 加载失败（' + e.message + '），请刷新页面。');
          });
        return {};
      },
      onAbort: function (what) {
        fail('Callwise stopped unexpectedly: ' + what + '. Reload the page; your saved work is kept.',
             'Callwise 意外停止：' + what + '。请刷新页面，已保存的工作不会丢失。');
      },
      // ---- called from app/platform_web.cpp
      cwStorage: function () { return storage; },
      cwSave: function (slot, generation, bytes) {
        if (!db || storage.kind !== 'indexeddb') {
          callWithStrings('cw_on_saved', false, [generation, 0, 'storage unavailable']);
          return;
        }
        idbPut('slot' + slot, bytes, function (ok, msg) {
          callWithStrings('cw_on_saved', false, [generation, ok ? 1 : 0, String(msg || '')]);
        });
      },
      cwKeepAside: function (bytes, reason) {
        if (!db) return;
        idbPut('aside-' + Date.now(), { reason: reason, bytes: bytes, at: new Date().toISOString() },
               function () {});
      },
      cwDownload: download,
      cwSetClipboard: function (text) {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).catch(function () { CallwiseText.copyFallback(text); });
        } else {
          CallwiseText.copyFallback(text);
        }
      },
      cwFirstFrame: function () {
        var box = el('loading');
        if (box && !box.classList.contains('error')) box.style.display = 'none';
        window.callwise && window.callwise._markReady();
      },
      cwBuildId: function () { return window.CALLWISE_BUILD_ID || 'dev'; },
    };
    return Module;
  }

  window.addEventListener('error', function (e) {
    if (e && e.message && /index\.js|wasm/.test(String(e.filename) + e.message)) console.error(e.message);
  });

  // Calls an exported C function with string arguments copied to the heap. ccall's 'string'
  // arguments go on the wasm stack (1 MiB): a large paste or pack would overflow it and abort
  // the module. Strings returned by C are read with UTF8ToString.
  function callWithStrings(name, returnsString, args) {
    var ptrs = [];
    try {
      var values = args.map(function (a) {
        if (typeof a !== 'string') return a;
        var n = Module.lengthBytesUTF8(a) + 1;
        var p = Module._malloc(n);
        if (!p) throw new Error('out of memory for a ' + n + '-byte argument');
        Module.stringToUTF8(a, p, n);
        ptrs.push(p);
        return p;
      });
      var r = Module['_' + name].apply(null, values);
      return returnsString ? Module.UTF8ToString(r) : r;
    } finally {
      ptrs.forEach(function (p) { Module._free(p); });
    }
  }

  return { makeModule: makeModule, fail: fail, download: download, callWithStrings: callWithStrings };
})();

var Module = CallwisePlatform.makeModule();

// Save right away when the tab is hidden or closed: a debounced save would lose the last edit.
document.addEventListener('visibilitychange', function () {
  if (document.visibilityState === 'hidden' && Module.calledRun) Module.ccall('cw_visibility', null, ['number'], [0]);
});
window.addEventListener('pagehide', function () {
  if (Module.calledRun) Module.ccall('cw_visibility', null, ['number'], [0]);
});
