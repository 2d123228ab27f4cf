// Conditional formats: the collection scoped to a range, custom rules with a formula and a fill.
import { formatAddress, intersect } from './addresses';
import { ClientObject, defineProps, recorder, wrap, type PropSpec } from './context';
import { hostError } from './errors';
import { host } from './host';
import type { RuleModel, SheetModel } from './model';
import type { RangeTarget } from './range';
import { newRange } from './range';
import { assertEditable } from './protection';

function rulesOver(t: RangeTarget): RuleModel[] {
  return t.sheet.rules.filter((r) => intersect(r.rect, t.rect) !== null).sort((a, b) => a.priority - b.priority);
}

function renumber(sheet: SheetModel): void {
  sheet.rules.sort((a, b) => a.priority - b.priority).forEach((r, i) => (r.priority = i));
}

const TYPE_NAMES: Record<string, string> = {
  custom: 'Custom',
  cellvalue: 'CellValue',
  colorscale: 'ColorScale',
  databar: 'DataBar',
  iconset: 'IconSet',
  topbottom: 'TopBottom',
  presetcriteria: 'PresetCriteria',
  containstext: 'ContainsText',
};

export class ConditionalFormatCollection extends ClientObject {
  override _className = 'ConditionalFormatCollection';
  private itemsList: ConditionalFormatProxy[] | null = null;

  get items(): ConditionalFormatProxy[] {
    if (!this.itemsList) throw hostError('PropertyNotLoaded', "The property 'items' is not available.", 'ConditionalFormatCollection.items');
    return this.itemsList;
  }

  override _applyLoad(paths: string[] | null): number {
    const gate = host().isSetSupported('ExcelApi', '1.6');
    if (!gate) throw hostError('ApiNotFound', undefined, 'ConditionalFormatCollection');
    const t = this._targetOrThrow() as RangeTarget;
    const sub = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean) ?? null;
    this.itemsList = rulesOver(t).map((rule) => {
      const proxy = newConditionalFormat(this.context);
      proxy._resolve(rule);
      return proxy;
    });
    let bytes = 0;
    for (const item of this.itemsList) bytes += item._applyLoad(sub && sub.length ? sub : null);
    return bytes;
  }

  add(type: string): ConditionalFormatProxy {
    const proxy = newConditionalFormat(this.context);
    return this._queueCreate(
      proxy,
      'ConditionalFormatCollection.add',
      () => {
        const t = this._targetOrThrow() as RangeTarget;
        assertEditable(t.sheet, 'ConditionalFormatCollection.add');
        const h = host();
        const typeName = TYPE_NAMES[String(type).toLowerCase()];
        if (!typeName) throw hostError('InvalidArgument', `Unknown conditional format type ${String(type)}`);
        for (const r of t.sheet.rules) r.priority += 1;
        const rule: RuleModel = { id: h.wb.newId('cf'), type: typeName, sheetId: t.sheet.id, rect: t.rect, formula: null, fill: null, fontColor: null, priority: 0, stopIfTrue: false, other: {} };
        t.sheet.rules.push(rule);
        renumber(t.sheet);
        return rule;
      },
      ['ExcelApi', '1.6'],
    );
  }

  getCount(): unknown {
    return this._queueResult('ConditionalFormatCollection.getCount', () => rulesOver(this._targetOrThrow() as RangeTarget).length, ['ExcelApi', '1.6']);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return this._queueCreate(newConditionalFormat(this.context), 'ConditionalFormatCollection.getItemAt', () => {
      const rule = rulesOver(this._targetOrThrow() as RangeTarget)[index];
      if (!rule) throw hostError('ItemNotFound');
      return rule;
    }, ['ExcelApi', '1.6']);
  }

  getItem(id: string): ConditionalFormatProxy {
    return this._queueCreate(newConditionalFormat(this.context), 'ConditionalFormatCollection.getItem', () => {
      const rule = rulesOver(this._targetOrThrow() as RangeTarget).find((r) => r.id === id);
      if (!rule) throw hostError('ItemNotFound');
      return rule;
    }, ['ExcelApi', '1.6']);
  }

  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._queueCreate(newConditionalFormat(this.context), 'ConditionalFormatCollection.getItemOrNullObject', () => {
      return rulesOver(this._targetOrThrow() as RangeTarget).find((r) => r.id === id) ?? null;
    }, ['ExcelApi', '1.6']);
  }

  /** Excel clears every rule over the range, whoever made it. */
  clearAll(): void {
    this._queueCall('ConditionalFormatCollection.clearAll', () => {
      const t = this._targetOrThrow() as RangeTarget;
      assertEditable(t.sheet, 'ConditionalFormatCollection.clearAll');
      const doomed = new Set(rulesOver(t));
      t.sheet.rules = t.sheet.rules.filter((r) => !doomed.has(r));
      renumber(t.sheet);
    }, 0, ['ExcelApi', '1.6']);
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.itemsList ?? []).map((i) => i.toJSON()) };
  }
}

const CF_SPEC: Record<string, PropSpec<RuleModel>> = {
  id: { get: (r) => r.id, apiSet: ['ExcelApi', '1.6'] },
  type: { get: (r) => r.type },
  priority: {
    get: (r) => r.priority,
    set: (r, v) => {
      r.priority = Number(v) - 0.5;
      const sheet = host().wb.sheetById(r.sheetId);
      if (sheet) renumber(sheet);
    },
  },
  stopIfTrue: { get: (r) => r.stopIfTrue, set: (r, v) => (r.stopIfTrue = Boolean(v)) },
};

function sheetOf(rule: RuleModel): SheetModel {
  const sheet = host().wb.sheetById(rule.sheetId);
  if (!sheet) throw hostError('ItemNotFound');
  return sheet;
}

export class ConditionalFormatProxy extends ClientObject {
  override _className = 'ConditionalFormat';
  override _spec(): Record<string, PropSpec<never>> {
    return CF_SPEC as Record<string, PropSpec<never>>;
  }
  get custom(): ClientObject {
    return this._nav('custom', () => newChild(this.context, 'ConditionalFormat.custom', CUSTOM_SPEC, { rule: RULE_SPEC, format: FORMAT_SPEC }), (r: RuleModel) => {
      if (r.type !== 'Custom') throw hostError('InvalidArgument', 'The conditional format is not a custom rule.', 'ConditionalFormat.custom');
      return r;
    });
  }
  get customOrNullObject(): ClientObject {
    return this._nav('customOrNullObject', () => newChild(this.context, 'ConditionalFormat.customOrNullObject', CUSTOM_SPEC, { rule: RULE_SPEC, format: FORMAT_SPEC }), (r: RuleModel) => (r.type === 'Custom' ? r : null));
  }
  get cellValue(): unknown {
    return this.decorative('cellValue');
  }
  get colorScale(): unknown {
    return this.decorative('colorScale');
  }
  get dataBar(): unknown {
    return this.decorative('dataBar');
  }
  get iconSet(): unknown {
    return this.decorative('iconSet');
  }
  get preset(): unknown {
    return this.decorative('preset');
  }
  get textComparison(): unknown {
    return this.decorative('textComparison');
  }
  get topBottom(): unknown {
    return this.decorative('topBottom');
  }
  private decorative(name: string): unknown {
    return recorder(this.context, (path, value) => {
      const rule = this._targetOrThrow() as RuleModel;
      rule.other[path] = value;
    }, name);
  }
  getRange(): ClientObject {
    return this._queueCreate(newRange(this.context), 'ConditionalFormat.getRange', () => {
      const rule = this._targetOrThrow() as RuleModel;
      return { sheet: sheetOf(rule), rect: rule.rect };
    });
  }
  getRangeOrNullObject(): ClientObject {
    return this._queueCreate(newRange(this.context), 'ConditionalFormat.getRangeOrNullObject', () => {
      const rule = this._targetOrNull() as RuleModel | null;
      return rule ? { sheet: sheetOf(rule), rect: rule.rect } : null;
    });
  }
  getRanges(): ClientObject {
    const proxy = newRangeAreas(this.context);
    return this._queueCreate(proxy, 'ConditionalFormat.getRanges', () => {
      const rule = this._targetOrThrow() as RuleModel;
      return { sheet: sheetOf(rule), rect: rule.rect };
    }, ['ExcelApi', '1.9']);
  }
  delete(): void {
    this._queueCall('ConditionalFormat.delete', () => {
      const rule = this._targetOrThrow() as RuleModel;
      const sheet = sheetOf(rule);
      assertEditable(sheet, 'ConditionalFormat.delete');
      sheet.rules = sheet.rules.filter((r) => r !== rule);
      renumber(sheet);
    });
  }
}
defineProps(ConditionalFormatProxy, Object.keys(CF_SPEC));

const CUSTOM_SPEC: Record<string, PropSpec<RuleModel>> = {};
const RULE_SPEC: Record<string, PropSpec<RuleModel>> = {
  formula: { get: (r) => r.formula, set: (r, v) => (r.formula = String(v)) },
  formulaLocal: { get: (r) => r.formula, set: (r, v) => (r.formula = String(v)) },
  formulaR1C1: { get: () => null },
};
const FORMAT_SPEC: Record<string, PropSpec<RuleModel>> = {
  numberFormat: { get: (r) => r.other.numberFormat ?? null, set: (r, v) => (r.other.numberFormat = v) },
};
const FILL_SPEC: Record<string, PropSpec<RuleModel>> = {
  color: { get: (r) => r.fill, set: (r, v) => (r.fill = String(v)) },
};
const FONT_SPEC: Record<string, PropSpec<RuleModel>> = {
  color: { get: (r) => r.fontColor, set: (r, v) => (r.fontColor = String(v)) },
  bold: { get: (r) => r.other.bold ?? false, set: (r, v) => (r.other.bold = v) },
  italic: { get: (r) => r.other.italic ?? false, set: (r, v) => (r.other.italic = v) },
  strikethrough: { get: (r) => r.other.strikethrough ?? false, set: (r, v) => (r.other.strikethrough = v) },
  underline: { get: (r) => r.other.underline ?? 'None', set: (r, v) => (r.other.underline = v) },
};

/** A child object of a rule (custom, rule, format, fill, font) whose target is the rule itself. */
class RuleChild extends ClientObject {
  constructor(
    ctx: ClientObject['context'],
    name: string,
    private readonly spec: Record<string, PropSpec<RuleModel>>,
    private readonly children: Record<string, Record<string, PropSpec<RuleModel>>>,
  ) {
    super(ctx);
    this._className = name;
    for (const key of Object.keys(spec)) {
      Object.defineProperty(this, key, {
        get: () => this._read(key),
        set: (v: unknown) => this._write(key, v),
        enumerable: true,
      });
    }
    for (const [key, childSpec] of Object.entries(children)) {
      Object.defineProperty(this, key, {
        get: () => this._nav(key, () => newChild(ctx, `${name}.${key}`, childSpec, CHILDREN_OF[key] ?? {}), (r: RuleModel) => r),
        enumerable: true,
      });
    }
    if (name.endsWith('.fill') || name.endsWith('.font')) {
      Object.defineProperty(this, 'clear', {
        value: () => this._queueCall(`${name}.clear`, () => {
          const r = this._targetOrThrow() as RuleModel;
          if (name.endsWith('.fill')) r.fill = null;
          else r.fontColor = null;
        }),
      });
    }
    if (name.endsWith('.format')) {
      Object.defineProperty(this, 'borders', { get: () => recorder(ctx, () => undefined, 'borders') });
    }
  }
  override _spec(): Record<string, PropSpec<never>> {
    return this.spec as Record<string, PropSpec<never>>;
  }
}

const CHILDREN_OF: Record<string, Record<string, Record<string, PropSpec<RuleModel>>>> = {
  format: { fill: FILL_SPEC, font: FONT_SPEC },
};

function newChild(
  ctx: ClientObject['context'],
  name: string,
  spec: Record<string, PropSpec<RuleModel>>,
  children: Record<string, Record<string, PropSpec<RuleModel>>>,
): ClientObject {
  return wrap(new RuleChild(ctx, name, spec, children), name);
}

class RangeAreasProxy extends ClientObject {
  override _className = 'RangeAreas';
  override _spec(): Record<string, PropSpec<never>> {
    return {
      address: { get: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect) },
      areaCount: { get: () => 1 },
    } as Record<string, PropSpec<never>>;
  }
  get address(): unknown {
    return this._read('address');
  }
  get areaCount(): unknown {
    return this._read('areaCount');
  }
}

function newRangeAreas(ctx: ClientObject['context']): ClientObject {
  return wrap(new RangeAreasProxy(ctx), 'RangeAreas');
}

export function newConditionalFormat(ctx: ClientObject['context']): ConditionalFormatProxy {
  return wrap(new ConditionalFormatProxy(ctx), 'ConditionalFormat');
}
