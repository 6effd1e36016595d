// text_input.js — text into and out of the canvas: IME composition (Chinese pinyin), paste,
// copy fallback and the on-screen keyboard. SDL 2.26 on the web builds text only from
// `keypress`, so composed text never reaches Dear ImGui; a hidden textarea at the caret takes
// focus while an ImGui text field is active and forwards finished text to the app.
'use strict';

var CallwiseText = (function () {
  var ta = null;
  var active = false;        // an ImGui text field wants text (reported every frame by the app)
  var composing = false;

  function send(fn, text) {
    if (!text || typeof Module === 'undefined' || !Module.calledRun) return;
    CallwisePlatform.callWithStrings(fn, false, [text]);
  }

  function setup() {
    ta = document.getElementById('cw-text');
    if (!ta) return;
    ta.addEventListener('compositionstart', function () { composing = true; });
    ta.addEventListener('compositionend', function (e) {
      composing = false;
      send('cw_text_input', e.data);   // the committed characters, once
      ta.value = '';
    });
    // Text that arrives outside a composition and that SDL did not already take from
    // `keypress` (on-screen keyboards, dictation, insertText): forward it, once.
    ta.addEventListener('input', function (e) {
      if (composing || e.isComposing) return;
      if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') send('cw_text_input', e.data);
      ta.value = '';
    });
    // Keys that belong to the IME (Enter to commit, Backspace inside the composition…) must
    // not reach SDL, or they would also act on the field. Capture phase on window runs first.
    window.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) { e.stopImmediatePropagation(); return; }
      // Let Ctrl/Cmd+V through to the browser (SDL would cancel it) so `paste` fires.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) e.stopImmediatePropagation();
    }, true);
    window.addEventListener('keyup', function (e) {
      if (e.isComposing || e.keyCode === 229) e.stopImmediatePropagation();
    }, true);
    document.addEventListener('paste', function (e) {
      var text = e.clipboardData && e.clipboardData.getData('text');
      if (text) { e.preventDefault(); send('cw_paste', text); }
    }, true);
    // Tapping the canvas inside a user gesture is the only moment a phone will open its
    // keyboard: focus now, and the next frame blurs again if no text field became active.
    var canvas = document.getElementById('canvas');
    canvas.addEventListener('pointerup', function (e) {
      if (e.pointerType === 'touch' || e.pointerType === 'pen') ta.focus({ preventScroll: true });
    });
  }

  // Called by the app every frame it draws (app/platform_web.cpp).
  function state(wantText, x, y, lineHeight) {
    if (!ta) return;
    if (wantText) {
      ta.style.left = Math.max(0, x) + 'px';
      ta.style.top = Math.max(0, y) + 'px';
      ta.style.height = Math.max(12, lineHeight) + 'px';
      if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    } else if (active && document.activeElement === ta && !composing) {
      ta.blur();
      ta.value = '';
    }
    active = wantText;
  }

  function copyFallback(text) {
    // Older browsers / no permission: a selected textarea and execCommand inside the gesture.
    var t = document.createElement('textarea');
    t.value = text; t.style.position = 'fixed'; t.style.opacity = '0';
    document.body.appendChild(t); t.select();
    try { document.execCommand('copy'); } catch (e) {}
    t.remove();
    if (ta && active) ta.focus({ preventScroll: true });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
  return { state: state, copyFallback: copyFallback, isComposing: function () { return composing; } };
})();
