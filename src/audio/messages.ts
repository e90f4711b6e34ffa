// src/audio/messages.ts: what each AudioError code says to the learner, in English and Simplified Chinese.
// The speech lab shows audioErrorMsg(error)[lang]; the numbers come from the error's details.
import type { Dict, Msg } from "../i18n";
import type { AudioError, AudioErrorCode } from "./errors";

export const AUDIO_ERRORS = {
  permissionDenied: {
    en: "The microphone was refused. To record, allow it in the browser's site settings (the lock icon by the address), then try again. Nothing recorded so far is lost.",
    zh: "麦克风被拒绝。要录音，请在浏览器的网站设置中允许麦克风（地址栏旁的锁形图标），然后重试。已录制的内容不会丢失。",
  },
  noDevice: {
    en: "No microphone was found. Connect one and try again, or train on the built-in voices.",
    zh: "没有找到麦克风。请连接麦克风后重试，或者使用内置的语音训练。",
  },
  deviceBusy: {
    en: "The microphone could not be started; another program may be using it. Close it and try again.",
    zh: "无法启动麦克风，可能有其他程序正在使用它。请关闭该程序后重试。",
  },
  notSupported: {
    en: "This browser cannot record here (it needs a secure https page with Web Audio). The built-in voices still work.",
    zh: "此浏览器无法在这里录音（需要支持 Web Audio 的安全 https 页面）。内置语音仍然可以使用。",
  },
  decodeFailed: {
    en: "The audio could not be read (the file is damaged or in a format we cannot decode). Reload the page, or use a 16-bit WAV file.",
    zh: "无法读取音频（文件已损坏或格式无法解码）。请重新加载页面，或使用 16 位 WAV 文件。",
  },
  silent: {
    en: "The recording is silent (its loudest part is {loudestDb} dBFS). Speak closer to the microphone, or check that it is not muted.",
    zh: "录音没有声音（最响处为 {loudestDb} dBFS）。请靠近麦克风说话，或检查麦克风是否被静音。",
  },
  tooLong: {
    en: "The sound lasts {seconds} s; one word should take at most {limitSeconds} s. Say just one word, in a quiet place.",
    zh: "声音持续了 {seconds} 秒，一个词最多应为 {limitSeconds} 秒。请只说一个词，并在安静的地方录音。",
  },
  tooShort: {
    en: "The sound lasts only {seconds} s, too short for a word. Say the word again, a little slower.",
    zh: "声音只持续了 {seconds} 秒，太短了，不像一个词。请再说一遍，稍微慢一点。",
  },
  storageFailed: {
    en: "The browser would not keep the recording (site data may be blocked or full). It stays until you leave the page.",
    zh: "浏览器无法保存该录音（网站数据可能被阻止或已满）。在离开页面之前它仍然保留。",
  },
} as const satisfies Dict & Record<AudioErrorCode, unknown>;

/** The learner-facing sentence for an AudioError, in both languages, with its numbers filled in. */
export function audioErrorMsg(error: AudioError): Msg {
  const entry = AUDIO_ERRORS[error.code];
  const fill = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = error.details[name];
      return v === undefined ? whole : String(v);
    });
  return { en: fill(entry.en), zh: fill(entry.zh) };
}
