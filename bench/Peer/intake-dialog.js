'use strict';

const { MessageFactory } = require('botbuilder');
const {
  ChoicePrompt, ComponentDialog, ConfirmPrompt, DialogSet, DialogTurnStatus, ListStyle, TextPrompt, WaterfallDialog,
} = require('botbuilder-dialogs');

const MAIN = 'main';
const MENU = 'menu';
const YES_NO = 'yesNo';
const CATEGORY = 'category';
const CONFIRM = 'confirm';
const CONTENT = 'content';
const EVIDENCE = 'evidence';
const NAME = 'name';
const PHONE = 'phone';
const TAX_CODE = 'taxCode';
const LINE = 'line';
const FILE = 'Gửi phản ánh';

const yes = { value: 'Có', synonyms: ['có', 'co', 'ok', 'đồng ý', 'dong y', 'vâng', 'vang', 'ừ'] };
const no = { value: 'Không', synonyms: ['không', 'khong', 'ko', 'k', 'no'] };
const categories = [
  'Thủ tục hành chính', 'Đất đai', 'Xây dựng', 'Giao thông', 'Môi trường', 'Y tế', 'Giáo dục', 'An ninh trật tự',
  'Điện, nước, chiếu sáng', 'Lao động, việc làm', 'Thuế, phí', 'Chính sách xã hội', 'Khác',
];

/** The PAKN intake: one ComponentDialog, one waterfall, Text, Choice and Confirm prompts with validators. */
class IntakeDialog extends ComponentDialog {
  constructor(flavour, userState, pool) {
    super('intake');
    this.pool = pool;
    this.profile = userState.createProperty('userProfile');

    this.addDialog(new ChoicePrompt(MENU));
    // Recognizers-Text has no Vietnamese: the yes/no words are the confirm choices' synonyms.
    const yesNo = new ConfirmPrompt(YES_NO);
    yesNo.confirmChoices = [yes, no];
    yesNo.style = ListStyle.suggestedAction;
    this.addDialog(yesNo);
    this.addDialog(new ChoicePrompt(CATEGORY));
    this.addDialog(new ChoicePrompt(CONFIRM));
    this.addDialog(new TextPrompt(CONTENT, async (p) => p.recognized.succeeded && between(p.recognized.value, 20, 4000)));
    this.addDialog(new TextPrompt(EVIDENCE, async (p) => (p.context.activity.attachments || []).length > 0
      || /^(bỏ qua|bo qua|xong|không có|khong co)$/i.test(fold(p.recognized.value || ''))));
    this.addDialog(new TextPrompt(NAME, async (p) => p.recognized.succeeded && isName(p.recognized.value)));
    this.addDialog(new TextPrompt(PHONE, async (p) => p.recognized.succeeded && isPhone(p.recognized.value)));
    this.addDialog(new TextPrompt(TAX_CODE, async (p) => p.recognized.succeeded && isTaxCode(p.recognized.value)));
    this.addDialog(new TextPrompt(LINE, async (p) => p.recognized.succeeded && between(p.recognized.value, 5, 500)));

    // Each step first keeps the answer to the prompt before it (the samples' `step.values.x = step.result`), named
    // here once for both dialogs; the steps read the answers by name.
    const steps = flavour === 'bench'
      ? [[null, this.menu], ['menu', afterFiling(this.name)], ['name', this.phone], ['phone', this.hasTax], ['hasTax', this.taxCode],
        ['taxCode', this.onBehalf], ['onBehalf', onBehalfOnly(this.proxyName)], ['onBehalfName', onBehalfOnly(this.proxyPhone)],
        ['onBehalfPhone', this.content], ['content', this.confirm], ['decision', this.submit]]
      : [[null, this.menu], ['menu', afterFiling(this.category)], ['category', this.content], ['content', this.evidence],
        ['evidence', this.name], ['name', this.phone], ['phone', this.hasTax], ['hasTax', this.taxCode],
        ['taxCode', this.onBehalf], ['onBehalf', onBehalfOnly(this.consent)], ['consent', onBehalfOnly(this.proxyName)],
        ['onBehalfName', onBehalfOnly(this.proxyAddress)], ['onBehalfAddress', onBehalfOnly(this.proxyPhone)], ['onBehalfPhone', onBehalfOnly(this.proxyReason)],
        ['onBehalfReason', this.confirm], ['decision', this.submit]];
    this.addDialog(new WaterfallDialog(MAIN, steps.map(([keep, run]) => async (step) => {
      if (keep) step.values[keep] = step.result;
      return run.call(this, step);
    })));
    this.initialDialogId = MAIN;
  }

  /** The samples' DialogHelper.run. */
  async run(context, accessor) {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.id);
    }
  }

  async menu(step) {
    return step.prompt(MENU, {
      prompt: 'Xin chào! Đây là kênh tiếp nhận phản ánh, kiến nghị của tỉnh Thanh Hóa. Ông/Bà cần gì?',
      retryPrompt: 'Ông/Bà vui lòng chọn một mục bên dưới.',
      choices: [{ value: FILE, synonyms: ['gui phan anh', 'phản ánh', 'phan anh'] }, 'Tra cứu', 'Hướng dẫn'],
      style: ListStyle.suggestedAction,
    });
  }

  async category(step) {
    return step.prompt(CATEGORY, {
      prompt: 'Phản ánh của Ông/Bà thuộc lĩnh vực nào? (chọn hoặc gõ số)',
      retryPrompt: 'Ông/Bà vui lòng chọn một lĩnh vực trong danh sách (gõ số từ 1 đến 13).',
      choices: categories,
      style: ListStyle.suggestedAction,
    });
  }

  async content(step) {
    return step.prompt(CONTENT, {
      prompt: 'Ông/Bà vui lòng mô tả nội dung phản ánh: việc gì, ở đâu, từ khi nào.',
      retryPrompt: 'Nội dung cần từ 20 đến 4.000 ký tự. Ông/Bà vui lòng mô tả rõ hơn.',
    });
  }

  async evidence(step) {
    // PhanHoi.Bot looks for the same PAKN filed before by this citizen; the peer does the same query.
    const earlier = await this.pool.query(
      "SELECT content FROM peer_cases WHERE channel = $1 AND user_id = $2 AND created_at > now() - interval '30 days'",
      [step.context.activity.channelId, step.context.activity.from.id]);
    step.values.repeated = earlier.rows.some((row) => row.content === step.values.content);
    return step.prompt(EVIDENCE, {
      prompt: 'Ông/Bà có ảnh, tệp hoặc vị trí kèm theo không? Gửi lên, hoặc gõ "Bỏ qua".',
      retryPrompt: 'Ông/Bà gửi ảnh, tệp, vị trí, hoặc gõ "Bỏ qua".',
    });
  }

  async name(step) {
    return ask(step, NAME, 'Ông/Bà vui lòng cho biết họ và tên.');
  }

  async phone(step) {
    const profile = await this.profile.get(step.context, {});
    profile.name = step.values.name;
    return ask(step, PHONE, 'Số điện thoại liên hệ của Ông/Bà?');
  }

  async hasTax(step) {
    const profile = await this.profile.get(step.context, {});
    profile.phone = normalisePhone(step.values.phone);
    return ask(step, YES_NO, 'Phản ánh có liên quan đến thuế (cần mã số thuế) không?');
  }

  async taxCode(step) {
    if (!step.values.hasTax) return step.next();
    return ask(step, TAX_CODE, 'Ông/Bà vui lòng nhập mã số thuế (10 hoặc 13 số).');
  }

  async onBehalf(step) {
    return ask(step, YES_NO, 'Ông/Bà gửi phản ánh thay cho người khác phải không?');
  }

  async consent(step) {
    return ask(step, YES_NO, 'Ông/Bà xác nhận đã được người đó đồng ý cho gửi phản ánh và cung cấp thông tin của họ?',
      'Ông/Bà vui lòng chọn Có (đồng ý) hoặc Không.');
  }

  async proxyName(step) {
    if (step.values.consent === false) {
      await step.context.sendActivity('Không thể gửi thay khi chưa có sự đồng ý của người được gửi thay.');
      return step.endDialog();
    }
    return ask(step, NAME, 'Họ và tên người Ông/Bà gửi thay?');
  }

  async proxyAddress(step) {
    return ask(step, LINE, 'Địa chỉ của người đó?', 'Ông/Bà vui lòng nhập địa chỉ (từ 5 ký tự).');
  }

  async proxyPhone(step) {
    return ask(step, PHONE, 'Số điện thoại của người đó?');
  }

  async proxyReason(step) {
    return ask(step, LINE, 'Vì sao người đó không tự gửi?', 'Ông/Bà vui lòng cho biết lý do (từ 5 ký tự).');
  }

  async confirm(step) {
    const v = step.values;
    const lines = [
      'Ông/Bà kiểm tra lại phản ánh:',
      v.category ? `- Lĩnh vực: ${v.category.value}` : null,
      `- Nội dung: ${v.content}`,
      `- Người gửi: ${v.name}, ${normalisePhone(v.phone)}`,
      v.taxCode ? `- Mã số thuế: ${v.taxCode}` : null,
      v.onBehalf ? `- Gửi thay cho: ${v.onBehalfName}, ${normalisePhone(v.onBehalfPhone)}` : null,
    ].filter(Boolean);
    await step.context.sendActivity(lines.join('\n'));
    return step.prompt(CONFIRM, {
      prompt: 'Gửi phản ánh này?',
      retryPrompt: 'Ông/Bà vui lòng chọn Gửi, Gửi và giữ kín, Sửa hoặc Hủy.',
      choices: [
        { value: 'Gửi', synonyms: ['gui', 'đồng ý', 'dong y', 'ok', 'có', 'co'] },
        { value: 'Gửi, giữ kín', synonyms: ['giữ kín', 'giu kin'] },
        'Sửa',
        { value: 'Hủy', synonyms: ['huy', 'hủy bỏ'] },
      ],
      style: ListStyle.suggestedAction,
    });
  }

  async submit(step) {
    const v = step.values;
    const decision = v.decision.value;
    if (decision === 'Hủy' || decision === 'Sửa') {
      await step.context.sendActivity('Đã hủy. Ông/Bà có thể gửi lại bất cứ lúc nào.');
      return step.endDialog();
    }
    const filed = await this.pool.query(
      `INSERT INTO peer_cases (code, channel, user_id, category, content, name, phone, tax_code, on_behalf, confidential)
       VALUES ('TH-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('peer_case_codes')::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING code`,
      [step.context.activity.channelId, step.context.activity.from.id, v.category ? v.category.value : null, v.content, v.name,
        normalisePhone(v.phone), v.taxCode || null,
        v.onBehalf ? JSON.stringify({ name: v.onBehalfName, address: v.onBehalfAddress || null, phone: normalisePhone(v.onBehalfPhone), reason: v.onBehalfReason || null }) : null,
        decision === 'Gửi, giữ kín']);
    const { code } = filed.rows[0];
    await step.context.sendActivity(MessageFactory.text(`Đã nhận phản ánh của Ông/Bà. Mã tra cứu: ${code}. Kết quả sẽ được thông báo qua kênh này.`));
    return step.endDialog();
  }
}

/** What each text prompt says when its validator refuses the answer, unless the step says otherwise. */
const RETRY = {
  [NAME]: 'Họ và tên chỉ gồm chữ, từ 2 đến 100 ký tự.',
  [PHONE]: 'Số điện thoại chưa đúng (ví dụ 0912 345 678). Ông/Bà vui lòng nhập lại.',
  [YES_NO]: 'Ông/Bà vui lòng chọn Có hoặc Không.',
  [TAX_CODE]: 'Mã số thuế chưa đúng. Ông/Bà vui lòng kiểm tra và nhập lại.',
};

/** Asks with the prompt <id>; its retry text is the prompt's own (RETRY) unless given. */
function ask(step, id, prompt, retryPrompt = RETRY[id]) {
  return step.prompt(id, { prompt, retryPrompt });
}

/** A step about the person filed for: skipped when the citizen files for themselves. */
function onBehalfOnly(run) {
  return function (step) {
    return step.values.onBehalf ? run.call(this, step) : step.next();
  };
}

/** The step right after the menu: it runs when the citizen chose "Gửi phản ánh"; anything else ends the dialog. */
function afterFiling(run) {
  return async function (step) {
    if (step.values.menu.value === FILE) return run.call(this, step);
    await step.context.sendActivity(`Ông/Bà có thể gửi phản ánh bất cứ lúc nào bằng cách chọn "${FILE}".`);
    return step.endDialog();
  };
}

function fold(text) {
  return text.normalize('NFC').trim().toLowerCase();
}

function between(text, min, max) {
  const length = (text || '').trim().length;
  return length >= min && length <= max;
}

function isName(text) {
  return between(text, 2, 100) && /^[\p{L} .'-]+$/u.test(text.trim());
}

function normalisePhone(text) {
  return (text || '').replace(/[\s.-]/g, '').replace(/^\+84/, '0');
}

function isPhone(text) {
  return /^0(3|5|7|8|9)\d{8}$/.test(normalisePhone(text));
}

function isTaxCode(text) {
  const digits = (text || '').replace(/[\s-]/g, '');
  if (!/^\d{10}(\d{3})?$/.test(digits)) return false;
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (10 - (sum % 11)) === Number(digits[9]);
}

module.exports = { IntakeDialog };
