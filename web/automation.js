// automation.js — window.callwise: the documented JavaScript API for tests and demo scripts.
// It drives the same command path the UI uses (cw_dispatch -> Store::dispatch); JSON in and out.
//
//   await callwise.ready                      resolves after the first frame is drawn
//   callwise.dispatch({type: 'set_language', language: 'zh-CN'})  -> {ok, changed, error?}
//   callwise.query('settings' | 'storage' | 'ui' | 'workspace' | 'commands')  -> object
//
// See docs/automation.md for every command and query.
'use strict';

(function () {
  var markReady;
  var ready = new Promise(function (resolve) { markReady = resolve; });
  function call(fn, arg) {
    if (typeof Module === 'undefined' || !Module.calledRun) throw new Error('Callwise is still loading');
    return JSON.parse(CallwisePlatform.callWithStrings(fn, true, [arg]));
  }
  window.callwise = {
    ready: ready,
    dispatch: function (command) {
      return call('cw_dispatch', typeof command === 'string' ? command : JSON.stringify(command));
    },
    query: function (what) { return call('cw_query', String(what || '')); },
    _markReady: function () { if (markReady) { markReady(true); markReady = null; } },
  };
})();
