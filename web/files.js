// files.js — files into the app: a file picker and drag-and-drop onto the page (SDL 2.26 sends
// no drop events on the web). The bytes go to C++ through cw_file_opened(name, ptr, len,
// purpose); C++ decides what they are and reports problems in the UI. Files larger than the
// limit are refused here, before they are copied into wasm memory.
'use strict';

var CallwiseFiles = (function () {
  var MAX_BYTES = 50 * 1024 * 1024;
  var input = null;

  function deliver(file, purpose) {
    if (file.size > MAX_BYTES) {
      send(file.name, null, purpose, 'the file is ' + (file.size / 1048576).toFixed(1) + ' MB; the limit is 50 MB');
      return;
    }
    file.arrayBuffer().then(function (buf) { send(file.name, new Uint8Array(buf), purpose, ''); })
      .catch(function (e) { send(file.name, null, purpose, 'the file could not be read: ' + e.message); });
  }

  function send(name, bytes, purpose, error) {
    if (typeof Module === 'undefined' || !Module.calledRun) return;
    var len = bytes ? bytes.length : 0;
    var ptr = Module._malloc(Math.max(1, len));
    if (len) Module.HEAPU8.set(bytes, ptr);
    CallwisePlatform.callWithStrings('cw_file_opened', false, [name, ptr, len, purpose, error]);
    Module._free(ptr);
  }

  function pick(purpose, accept) {
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.style.display = 'none';
      document.body.appendChild(input);
    }
    input.accept = accept || '';
    input.onchange = function () {
      var f = input.files && input.files[0];
      if (f) deliver(f, purpose);
      input.value = '';
    };
    input.click();
  }

  window.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', function (e) {
    e.preventDefault();
    var files = e.dataTransfer && e.dataTransfer.files;
    for (var i = 0; files && i < files.length; i++) deliver(files[i], 'drop');
  });

  return { pick: pick, deliver: deliver };
})();
