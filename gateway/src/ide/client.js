// The IDE page's own script (served as /ide/assets/ide.js): GraphiQL with the README's examples as tabs and, in
// development, a picker of the demo users whose development token it puts into the request headers. Plain browser
// JavaScript over the UMD builds of React and GraphiQL, so nothing needs bundling.
/* global React, ReactDOM, GraphiQL, document, fetch */
(function () {
  'use strict';
  const settings = JSON.parse(document.getElementById('ide-settings').textContent);
  const h = React.createElement;
  const NO_TOKEN =
    settings.demoUsers.length > 0
      ? 'Every request needs a token: pick a demo user at the top right, or put {"Authorization": "Bearer <token>"} in the headers below.'
      : 'Every request needs a token: put {"Authorization": "Bearer <token from your identity provider>"} in the headers below.';

  let pickedToken = null;
  const send = GraphiQL.createFetcher({ url: '/graphql' });
  const hasAuthorization = (headers) => Object.keys(headers).some((name) => name.toLowerCase() === 'authorization' && headers[name]);

  // Without a token the gateway would answer 401, which the browser reports as an error; say what to do instead.
  function fetcher(params, options) {
    const headers = Object.assign({}, options && options.headers);
    if (!hasAuthorization(headers)) {
      if (!pickedToken) return Promise.resolve({ errors: [{ message: NO_TOKEN, extensions: { code: 'UNAUTHENTICATED' } }] });
      headers.Authorization = 'Bearer ' + pickedToken;
    }
    return send(params, Object.assign({}, options, { headers }));
  }

  function DemoUserPicker() {
    const editors = GraphiQL.React.useEditorContext();
    const schema = GraphiQL.React.useSchemaContext();
    const [user, setUser] = React.useState('');
    const [problem, setProblem] = React.useState('');

    async function pick(event) {
      const username = event.target.value;
      setUser(username);
      setProblem('');
      if (!username) {
        pickedToken = null;
        return;
      }
      const response = await fetch('/ide/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      const body = await response.json();
      if (!response.ok) {
        setProblem(body.error);
        return;
      }
      pickedToken = body.token;
      if (editors.headerEditor) editors.headerEditor.setValue(JSON.stringify({ Authorization: 'Bearer ' + body.token }, null, 2));
      schema.introspect();
    }

    const options = [h('option', { key: '', value: '' }, 'pick a demo user…')].concat(
      settings.demoUsers.map((u) => h('option', { key: u.username, value: u.username, title: u.description }, u.username)),
    );
    return h(
      'div',
      { className: 'ide-user' },
      h('label', { htmlFor: 'demo-user' }, 'Demo user (synthetic) '),
      h('select', { id: 'demo-user', value: user, onChange: pick }, options),
      problem ? h('span', { className: 'ide-problem', role: 'alert' }, problem) : null,
    );
  }

  const tabs = settings.tabs.map((tab) => ({ query: tab.query, variables: tab.variables }));
  const logo = settings.demoUsers.length > 0 ? h(DemoUserPicker) : h('span', null, 'pathway-graph');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    h(
      GraphiQL,
      {
        fetcher,
        defaultTabs: tabs.length > 0 ? tabs : undefined,
        // GraphiQL 3 opens the first tab with the query of defaultTabs but not its variables.
        variables: tabs.length > 0 ? tabs[0].variables : undefined,
        defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: false,
        isHeadersEditorEnabled: true,
      },
      h(GraphiQL.Logo, null, logo),
    ),
  );
})();
