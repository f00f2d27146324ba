/* The script of a Fadaa page (lesson, home, dashboard) in the learner's browser.
 *
 * Voilà's own front end is JupyterLab's application: about 1.1 MB of compressed script in ~90
 * files, which a phone on 3G spends seconds fetching and parsing. A Fadaa page only shows the
 * outputs Voilà rendered and the ipywidgets controls in them, so this script is ipywidgets' own
 * models and views (@jupyter-widgets/controls) under a small widget manager, connected to the
 * page's kernel with @jupyterlab/services: one file, fetched while the kernel runs the notebook.
 */
import * as base from '@jupyter-widgets/base';
import { ManagerBase } from '@jupyter-widgets/base-manager';
import * as controls from '@jupyter-widgets/controls';
import '@jupyter-widgets/controls/css/widgets.css';
import { ServerConnection } from '@jupyterlab/services';
import { KernelConnection } from '@jupyterlab/services/lib/kernel/default';
import { Widget } from '@lumino/widgets';

import './lesson.css';

const WIDGET_VIEW = 'application/vnd.jupyter.widget-view+json';
const WIDGET_COMM = 'jupyter.widget';
// from the moment the script runs; past it she is told to reload (the widgets still show if they come)
const LOAD_DEADLINE_MS = 30000;
// how long she reads that her lesson stopped before it opens again by itself
const REOPEN_DELAY_MS = 2500;
// how often a page asks whether its kernel is still there: while its socket reconnects, and otherwise
const KERNEL_CHECK_MS = 3000;
const KERNEL_PING_MS = 20000;
// a page that opened again this recently and lost its kernel again asks her to reload instead
const REOPEN_AGAIN_MS = 60000;
// the largest file a FileUpload sends to the kernel: photo.MAX_BYTES in widgets/selling/photo.py
// (tests/test_photo.py checks they agree); a websocket message may carry 10 MiB at most
const MAX_UPLOAD_BYTES = 8000000;

/** A widget this page does not carry (an Output, interact's, a third-party widget): said in its
 * place, in both languages, while the rest of the page works. */
class UnsupportedView extends base.DOMWidgetView {
  render() {
    this.el.classList.add('fadaa-unsupported');
    this.el.innerHTML = '<p lang="fr">⚠️ Cette partie de la page ne peut pas s\'afficher ici.</p>' +
      '<p lang="ar" dir="rtl">⚠️ لا يمكن عرض هذا الجزء من الصفحة هنا.</p>';
  }
}

/** ipywidgets' FileUpload as a phone needs it: the button says what to do (no file count after
 * it), and a file larger than MAX_UPLOAD_BYTES is not read nor sent: the kernel receives its name
 * and size with no content, and says in her language that it is too large. Sent whole, a 20 MB
 * photo would exceed the websocket's message limit and cut the page from its kernel. */
class FadaaFileUploadView extends controls.FileUploadView {
  render() {
    base.DOMWidgetView.prototype.render.call(this);
    this.el.classList.add('jupyter-widgets', 'widget-upload', 'jupyter-button');
    this.fileInput = document.createElement('input');
    this.fileInput.type = 'file';
    this.fileInput.style.display = 'none';
    this.el.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('click', () => {
      this.fileInput.value = '';
    });
    this.fileInput.addEventListener('change', () => this.send(Array.from(this.fileInput.files || [])));
    this.listenTo(this.model, 'change:button_style', this.update_button_style);
    this.set_button_style();
    this.update();
  }

  async send(files) {
    try {
      const value = await Promise.all(files.map(async file => ({
        content: file.size > MAX_UPLOAD_BYTES ? new ArrayBuffer(0) : await file.arrayBuffer(),
        name: file.name,
        type: file.type,
        size: file.size,
        last_modified: file.lastModified
      })));
      this.model.set({ value, error: '' });
    } catch (error) {
      console.error('a file could not be read', error);
      this.model.set({ error: String(error) });
    }
    this.touch();
  }

  update() {
    this.el.disabled = this.model.get('disabled');
    this.el.setAttribute('title', this.model.get('tooltip') || '');
    this.el.textContent = '';
    const icon = this.model.get('icon');
    if (icon) {
      const i = document.createElement('i');
      i.classList.add('fa', `fa-${icon}`);
      this.el.appendChild(i);
    }
    this.el.appendChild(document.createTextNode(this.model.get('description')));
    this.fileInput.accept = this.model.get('accept');
    this.fileInput.multiple = this.model.get('multiple');
    return base.DOMWidgetView.prototype.update.call(this);
  }
}
// Fadaa's own views in place of ipywidgets' (same model, same state)
const VIEWS = { FileUploadView: FadaaFileUploadView };

// what the recorder asks of the browser: Opus at a speech rate, else what it records (Safari: MP4/AAC)
const VOICE_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];
const VOICE_BITS_PER_SECOND = 32000;

/** The state of a spoken answer's recorder (widgets/voice_recorder.py): its words, its limits,
 * whether a note is kept. */
class VoiceRecorderModel extends base.DOMWidgetModel {
  defaults() {
    return {
      ...super.defaults(),
      _model_name: 'VoiceRecorderModel', _model_module: 'fadaa', _model_module_version: '1.0.0',
      _view_name: 'VoiceRecorderView', _view_module: 'fadaa', _view_module_version: '1.0.0',
      labels: {}, max_seconds: 120, max_bytes: 5000000, kept: false
    };
  }
}

function minutes(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Record, stop, listen, keep or redo, with the browser's microphone (MediaRecorder). Nothing
 * leaves the phone until she taps Keep; the kernel checks the note, keeps it beside her notebook
 * and says in her language what happened. A page that cannot record (no microphone, refused, not
 * served over HTTPS) tells the kernel why, which tells her: her typed answer is untouched. */
class VoiceRecorderView extends base.DOMWidgetView {
  render() {
    this.el.classList.add('fadaa-voice');
    this.buttons = document.createElement('div');
    this.buttons.className = 'fadaa-voice-buttons';
    this.status = document.createElement('div');
    this.status.className = 'fadaa-voice-status';
    this.status.setAttribute('role', 'status');
    this.player = document.createElement('audio');
    this.player.controls = true;
    this.player.className = 'fadaa-voice-player';
    this.player.hidden = true;
    this.el.append(this.buttons, this.status, this.player);
    this.listenTo(this.model, 'msg:custom', this.onMessage);
    this.listenTo(this.model, 'change:kept change:labels', () => this.state === 'idle' && this.show('idle'));
    this.show('idle');
  }

  label(name) {
    return (this.model.get('labels') || {})[name] || name;
  }

  button(name, icon, action, primary = false) {
    const button = document.createElement('button');
    button.className = `jupyter-button widget-button fadaa-voice-${name}` + (primary ? ' mod-primary' : '');
    const i = document.createElement('span');
    i.setAttribute('aria-hidden', 'true');
    i.className = 'fadaa-voice-icon';
    i.textContent = icon;
    button.append(i, document.createTextNode(` ${this.label(name)}`));
    button.addEventListener('click', action);
    return button;
  }

  /** idle: Record (and her kept note); recording: Stop and the time; recorded: the player, Keep,
   * Record again; saving: the kernel is checking it. */
  show(state) {
    this.state = state;
    this.buttons.textContent = '';
    this.status.textContent = '';
    if (state === 'idle') {
      this.buttons.append(this.button('record', '🎙️', () => this.record(), true));
      if (this.model.get('kept')) {
        this.buttons.append(this.button('play', '▶️', () => this.playKept()));
      }
      this.player.hidden = !this.keptLoaded;
    } else if (state === 'recording') {
      this.buttons.append(this.button('stop', '⏹️', () => this.recorder.stop(), true));
      this.player.hidden = true;
    } else if (state === 'recorded') {
      this.buttons.append(this.button('keep', '✅', () => this.keep(), true), this.button('redo', '🔄', () => this.record()));
      this.player.hidden = false;
    } else if (state === 'saving') {
      this.status.textContent = `⏳ ${this.label('saving')}`;
    }
  }

  refuse(reason) {
    this.send({ event: 'refused', reason });
    this.show('idle');
  }

  async record() {
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || typeof MediaRecorder === 'undefined') {
      this.refuse('unsupported');
      return;
    }
    let stream;
    try {
      stream = await media.getUserMedia({ audio: true });
    } catch (error) {
      console.warn('no microphone', error);
      const reasons = { NotAllowedError: 'denied', SecurityError: 'denied', NotFoundError: 'no_microphone',
                        OverconstrainedError: 'no_microphone', NotReadableError: 'no_microphone' };
      this.refuse(reasons[error.name] || 'failed');
      return;
    }
    const mimeType = VOICE_TYPES.find(type => MediaRecorder.isTypeSupported(type));
    const chunks = [];
    try {
      this.recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: VOICE_BITS_PER_SECOND });
    } catch (error) {
      console.warn('this browser cannot record', error);
      stream.getTracks().forEach(track => track.stop());
      this.refuse('unsupported');
      return;
    }
    this.recorder.addEventListener('dataavailable', event => event.data.size && chunks.push(event.data));
    const started = Date.now();
    const limit = this.model.get('max_seconds');
    const tick = () => {
      const seconds = (Date.now() - started) / 1000;
      if (seconds >= limit && this.recorder.state === 'recording') {
        this.recorder.stop(); // two minutes at most: she hears what she said and keeps it or not
      }
      this.status.innerHTML = '';
      const time = document.createElement('bdi');
      time.dir = 'ltr';
      time.textContent = `${minutes(seconds)} / ${minutes(limit)}`;
      this.status.append(`🔴 ${this.label('recording')} `, time);
    };
    this.recorder.addEventListener('stop', () => {
      clearInterval(this.timer);
      stream.getTracks().forEach(track => track.stop());
      this.recording = new Blob(chunks, { type: this.recorder.mimeType || mimeType || 'audio/webm' });
      this.setPlayer(URL.createObjectURL(this.recording));
      this.show('recorded');
    });
    this.recorder.addEventListener('error', event => {
      console.error('the recording failed', event);
      clearInterval(this.timer);
      stream.getTracks().forEach(track => track.stop());
      this.refuse('failed');
    });
    this.recorder.start(1000);
    this.show('recording');
    tick();
    this.timer = setInterval(tick, 250);
  }

  /** The player holds her recording to listen to before keeping it, or the note she kept (as her
   * kernel keeps it, fetched when she taps to listen), or nothing. */
  setPlayer(url, kept = false) {
    if (this.player.src.startsWith('blob:')) {
      URL.revokeObjectURL(this.player.src);
    }
    if (url) {
      this.player.src = url;
    } else {
      this.player.removeAttribute('src');
    }
    this.keptLoaded = kept;
  }

  async keep() {
    const recording = this.recording;
    const size = recording.size;
    this.show('saving');
    // over the limit, only its size goes: the kernel says it is too large
    const buffers = size > this.model.get('max_bytes') ? [] : [await recording.arrayBuffer()];
    this.send({ event: 'keep', size }, buffers);
  }

  playKept() {
    if (this.keptLoaded) {
      this.player.hidden = false;
      this.player.play().catch(() => undefined);
    } else {
      this.send({ event: 'play' });
    }
  }

  onMessage(content, buffers) {
    if (content.event === 'done') {
      if (content.kept) {
        this.setPlayer(null); // she listens to the note as it was kept, from her kernel
        this.recording = null;
        this.show('idle');
      } else {
        this.show('recorded'); // refused: she may listen again, or record again
      }
    } else if (content.event === 'note' && buffers && buffers.length) {
      this.setPlayer(URL.createObjectURL(new Blob([buffers[0]], { type: content.type })), true);
      this.player.hidden = false;
      this.player.play().catch(() => undefined);
    }
  }

  remove() {
    clearInterval(this.timer);
    if (this.recorder && this.recorder.state === 'recording') {
      this.recorder.stop();
    }
    return super.remove();
  }
}
// the widget modules a page carries: ipywidgets' and Fadaa's own (module "fadaa")
const MODULES = {
  '@jupyter-widgets/base': base,
  '@jupyter-widgets/controls': controls,
  fadaa: { VoiceRecorderModel, VoiceRecorderView }
};

/** ipywidgets' manager over one kernel: the page's, which Voilà started for it. */
class PageWidgetManager extends ManagerBase {
  constructor(kernel) {
    super();
    this.kernel = kernel;
    // widgets the kernel creates later (a lesson's next step) arrive as comm_open messages
    kernel.registerCommTarget(WIDGET_COMM, (comm, message) =>
      this.handle_comm_open(new base.shims.services.Comm(comm), message));
  }

  async loadClass(className, moduleName) {
    if (moduleName === '@jupyter-widgets/controls' && VIEWS[className]) {
      return VIEWS[className];
    }
    const module = MODULES[moduleName];
    if (module && module[className]) {
      return module[className];
    }
    console.warn(`${moduleName}.${className} is not part of a Fadaa page`);
    return className.endsWith('View') ? UnsupportedView : base.DOMWidgetModel;
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) {
      comm.open(data, metadata, buffers);
    }
    return new base.shims.services.Comm(comm);
  }

  async _get_comm_info() {
    const reply = await this.kernel.requestCommInfo({ target_name: WIDGET_COMM });
    return reply.content.status === 'ok' ? reply.content.comms : {};
  }

  /** Every widget the notebook's cells made, with its state, over ipywidgets' control comm. */
  load() {
    return this._loadFromKernel();
  }
}

function pageConfig() {
  const element = document.getElementById('jupyter-config-data');
  return element ? JSON.parse(element.textContent || '{}') : {};
}

function cookie(name) {
  const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : '';
}

function textBlock(text, className) {
  const pre = document.createElement('pre');
  pre.className = className;
  pre.textContent = text;
  return pre;
}

/** One cell output as Voilà wrote it into the page; widget views wait for the manager. */
async function renderOutput(output, host, managerReady) {
  const data = output.data || {};
  if (data[WIDGET_VIEW]) {
    const manager = await managerReady;
    const model = await manager.get_model(data[WIDGET_VIEW].model_id);
    const view = await manager.create_view(model);
    Widget.attach(view.luminoWidget, host);
  } else if (data['text/html']) {
    // the notebook's own HTML: a lesson's title and its styles
    const div = document.createElement('div');
    div.innerHTML = data['text/html'];
    host.appendChild(div);
  } else if (data['image/png']) {
    const image = document.createElement('img');
    image.src = `data:image/png;base64,${data['image/png']}`;
    host.appendChild(image);
  } else if (output.output_type === 'error') {
    // Voilà already replaced the traceback with a sentence unless tracebacks are shown
    host.appendChild(textBlock(`${output.ename}: ${output.evalue}`, 'fadaa-output-error'));
  } else if (output.output_type === 'stream') {
    host.appendChild(textBlock(output.text, 'fadaa-output-stream'));
  } else if (data['text/plain']) {
    host.appendChild(textBlock(data['text/plain'], 'fadaa-output-text'));
  }
}

function showCells() {
  const spinner = document.getElementById('loading');
  if (spinner) {
    spinner.remove();
  }
  const cells = document.getElementById('rendered_cells');
  if (cells) {
    cells.style.display = '';
  }
}

/** The template's message asking her to reload: the page cannot reach its kernel. */
function showFailure(reason) {
  console.error(reason);
  document.body.classList.add('fadaa-page-failed');
  showCells();
}

let reopening = false;

/** Her kernel went away after the page worked (culled while her phone slept, the service
 * restarted): the page says so and opens again, which starts a kernel and shows the step she was
 * on (the lesson remembers it in her notebook). Asleep or in the background, it waits until she
 * looks at it again. */
function reopen(reason) {
  if (reopening) {
    return;
  }
  reopening = true;
  console.warn(reason);
  const key = `fadaa-reopened:${window.location.pathname}`;
  const last = Number(window.sessionStorage.getItem(key) || 0);
  if (Date.now() - last < REOPEN_AGAIN_MS) {
    showFailure(`${reason}, again`); // no loop of reloads: something else is wrong
    return;
  }
  window.sessionStorage.setItem(key, String(Date.now()));
  document.body.classList.add('fadaa-page-paused');
  const again = () => window.location.reload();
  if (document.visibilityState === 'visible') {
    setTimeout(again, REOPEN_DELAY_MS);
  } else {
    document.addEventListener('visibilitychange', () => setTimeout(again, REOPEN_DELAY_MS), { once: true });
  }
}

async function main() {
  const config = pageConfig();
  if (!config.kernelId) {
    showCells();
    return;
  }
  const baseUrl = new URL(config.baseUrl || '/', window.location.href).href;
  const serverSettings = ServerConnection.makeSettings({
    baseUrl,
    wsUrl: baseUrl.replace(/^http/, 'ws'),
    appendToken: false,
    token: ''
  });
  const kernel = new KernelConnection({
    model: { id: config.kernelId, name: 'python3' },
    serverSettings,
    handleComms: true
  });
  // as Voilà's own front end does: the page's kernel goes when the page goes
  window.addEventListener('pagehide', () => {
    fetch(`${baseUrl}voila/api/shutdown/${config.kernelId}`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'X-XSRFToken': cookie('_xsrf') }
    }).catch(() => undefined);
  });

  // a kernel gone for good (stopped, culled while her phone slept) does not come back by itself:
  // a page that never worked asks her to reload, one that worked opens again where she was
  let worked = false;
  const lost = reason => (worked ? reopen(reason) : showFailure(reason));
  kernel.connectionStatusChanged.connect((_, status) => {
    if (status === 'disconnected') {
      lost('the connection to the kernel was lost');
    }
  });
  kernel.statusChanged.connect((_, status) => {
    // restarted, the kernel no longer holds the page's widgets: only a new page has them
    if (status === 'dead' || (worked && (status === 'restarting' || status === 'autorestarting'))) {
      lost(`the kernel is ${status}`);
    }
  });
  const deadline = setTimeout(() => showFailure('the widgets did not arrive in time'), LOAD_DEADLINE_MS);

  const manager = new PageWidgetManager(kernel);
  const managerReady = manager.load().then(() => manager);
  const outputs = Array.from(document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]'));
  const rendered = outputs.map(script => {
    const host = document.createElement('div');
    host.className = 'fadaa-output';
    script.replaceWith(host);
    return renderOutput(JSON.parse(script.textContent), host, managerReady);
  });
  await Promise.all(rendered);
  clearTimeout(deadline);
  document.body.classList.remove('fadaa-page-failed');
  showCells();
  worked = true;

  // Is her kernel still there? Gone (404: culled, the service restarted), or she is no longer let
  // in (401, 403: her login ended), it will never answer: a kernel shut down leaves its socket
  // open, and a closed socket takes minutes of reconnecting to give up. Asked every few seconds
  // while the socket reconnects, every 20 seconds otherwise, and as soon as she looks at the
  // page again. A network or a service that is down answers nothing: the next check tells.
  const checkKernel = async () => {
    if (document.visibilityState !== 'visible') {
      return;
    }
    try {
      const response = await ServerConnection.makeRequest(
        `${baseUrl}api/kernels/${config.kernelId}`, {}, serverSettings);
      if ([401, 403, 404].includes(response.status)) {
        lost(`the kernel is gone (${response.status})`);
      }
    } catch (error) {
      // offline
    }
  };
  const tick = () => {
    checkKernel();
    setTimeout(tick, kernel.connectionStatus === 'connected' ? KERNEL_PING_MS : KERNEL_CHECK_MS);
  };
  setTimeout(tick, KERNEL_CHECK_MS);
  document.addEventListener('visibilitychange', checkKernel);
}

/** A step's ▶ (widgets/lesson.py ``listen_html``): plays its sound, which the browser fetches only
 * now (``preload="none"``) and keeps in its cache; ⏸ stops it, and so does moving to another step. */
let playing = null;
document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target : null;
  if (target && target.closest('.fadaa-back, .fadaa-next') && playing) {
    playing.pause();
    return;
  }
  const button = target && target.closest('.fadaa-play');
  const audio = button && button.parentElement.querySelector('audio');
  if (!audio) {
    return;
  }
  if (!audio.paused) {
    audio.pause();
    return;
  }
  if (playing && playing !== audio) {
    playing.pause();
  }
  playing = audio;
  audio.play().catch(error => console.error('the step could not be played', error));
});
// media events do not bubble: caught on their way down
for (const [type, on] of [['play', true], ['pause', false], ['ended', false]]) {
  document.addEventListener(type, event => {
    const button = event.target.parentElement && event.target.parentElement.querySelector('.fadaa-play');
    if (button) {
      button.classList.toggle('fadaa-playing', on);
      button.textContent = on ? '⏸' : '▶';
    }
  }, true);
}

main().catch(showFailure);
