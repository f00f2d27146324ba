/* The recording desk's buttons (views/recording_desk.py): record a step with the microphone, stop,
 * send the sound to the server (hub/recording_desk.py), delete a recording. The page is shown
 * again after each change, so what it says is what the server keeps. */
(function () {
  'use strict';
  const xsrf = document.body.dataset.xsrf;
  const maxSeconds = Number(document.body.dataset.maxSeconds);

  function send(row, method, body) {
    const headers = { 'X-XSRFToken': xsrf };
    if (body) {
      headers['Content-Type'] = body.type || 'application/octet-stream';
    }
    return fetch(row.dataset.put, { method, body, headers, credentials: 'same-origin' }).then(async response => {
      if (!response.ok) {
        const said = await response.json().catch(() => ({}));
        throw new Error(said.error || `${response.status}`);
      }
      const step = row.closest('section');
      location.hash = step ? step.id : '';
      location.reload();
    }).catch(error => {
      row.querySelector('.fadaa-desk-refused').textContent = error.message;
    });
  }

  async function record(row) {
    const start = row.querySelector('.fadaa-desk-record');
    const stop = row.querySelector('.fadaa-desk-stop');
    const refused = row.querySelector('.fadaa-desk-refused');
    refused.textContent = '';
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      refused.textContent = 'Micro refusé ou absent — الميكروفون مرفوض أو غير موجود';
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks = [];
    recorder.addEventListener('dataavailable', event => chunks.push(event.data));
    recorder.addEventListener('stop', () => {
      stream.getTracks().forEach(track => track.stop());
      start.hidden = false;
      stop.hidden = true;
      send(row, 'PUT', new Blob(chunks, { type: recorder.mimeType }));
    });
    // past the limit the server refuses it: stop a little before
    const limit = setTimeout(() => recorder.state === 'recording' && recorder.stop(), (maxSeconds - 1) * 1000);
    stop.onclick = () => {
      clearTimeout(limit);
      recorder.stop();
    };
    start.hidden = true;
    stop.hidden = false;
    recorder.start();
  }

  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const row = target && target.closest('.fadaa-desk-sound');
    if (!row) {
      return;
    }
    if (target.closest('.fadaa-desk-record')) {
      record(row);
    } else if (target.closest('.fadaa-desk-delete')) {
      send(row, 'DELETE');
    }
  });
}());
