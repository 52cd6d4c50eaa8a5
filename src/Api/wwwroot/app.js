// The web chat page: gets a Direct Line token from this service, then renders Microsoft's Web Chat against it.
(function () {
  'use strict';

  var domain = window.location.origin + '/v3/directline';
  var saved = 'phanhoi.webchat.conversation';
  var status = document.getElementById('status');

  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'status error' : 'status';
    status.hidden = !text;
  }

  function post(path, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(domain + path, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  // Same tab, page reloaded: keep the conversation (and its history) while its token can still be refreshed.
  function conversation() {
    var previous = null;
    try { previous = JSON.parse(window.sessionStorage.getItem(saved) || 'null'); } catch (e) { previous = null; }
    var fresh = function () { return post('/tokens/generate'); };
    return previous && previous.token ? post('/tokens/refresh', previous.token).catch(fresh) : fresh();
  }

  conversation().then(function (started) {
    window.sessionStorage.setItem(saved, JSON.stringify({ conversationId: started.conversationId, token: started.token }));
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: started.token,
      conversationId: started.conversationId,
      webSocket: true
    });
    directLine.connectionStatus$.subscribe(function (state) {
      // 2 online, 3 expired token, 4 failed to connect
      if (state === 2) { show(''); }
      else if (state === 3 || state === 4) {
        window.sessionStorage.removeItem(saved);
        show('Mất kết nối. Xin tải lại trang để tiếp tục.', true);
      }
    });
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: 'vi-VN',
      styleOptions: {
        accent: '#b3261e',
        botAvatarInitials: 'TH',
        userAvatarInitials: 'Tôi',
        hideUploadButton: false,
        uploadAccept: 'image/*,application/pdf',
        uploadMultiple: true,
        sendAttachmentOn: 'attach',
        suggestedActionLayout: 'flow',
        suggestedActionHeight: 36,
        sendTimeout: 60000
      }
    }, document.getElementById('webchat'));
    document.querySelector('#webchat').focus();
  }).catch(function () {
    show('Không kết nối được tới máy chủ. Xin thử lại sau ít phút.', true);
  });
}());
