import { catalogue, fill, fillPlural, placeholders, templateParts } from '../../src/text/catalogue';

type Node = string | readonly string[] | { readonly [key: string]: Node };

/** Every text of the catalogue with its dotted path ("engine.flags.over_budget", "engine.monthNames.3"). */
function texts(node: Node, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node).flatMap(([key, child]) => texts(child as Node, path ? `${path}.${key}` : key));
}

describe('the message catalogue', () => {
  const zh = new Map(texts(catalogue('zh') as unknown as Node));
  const en = new Map(texts(catalogue('en') as unknown as Node));

  it('has the same keys in both languages', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(300);
  });

  it('has a non-empty English text for every Chinese key, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [key, zhText] of zh) {
      const enText = en.get(key);
      // A separator may be only blanks (", "), never empty.
      if (enText === undefined || enText === '') {
        problems.push(`${key}: no English text`);
        continue;
      }
      if (zhText === '') problems.push(`${key}: no Chinese text`);
      const a = placeholders(zhText).join(',');
      const b = placeholders(enText).join(',');
      if (a !== b) problems.push(`${key}: zh {${a}} ≠ en {${b}}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes no Chinese in en apart from the header words, units and the switch to Chinese', () => {
    expect(catalogue('zh').engine.flags.over_budget).toBe('超预算');
    expect(catalogue('en').engine.flags.over_budget).toBe('Over budget');
    const cjk = /[\u4e00-\u9fff]/;
    // Words an English reader still meets in a Chinese workbook: the 项目名称 label and the amount units;
    // the missing-column messages list the header words looked for, in both languages.
    const kept = /项目名称|万元|千元|元/g;
    const writesChinese = (key: string): boolean => key.startsWith('engine.errors.missingColumn.') || key === 'pane.main.switchLanguage';
    const stray = [...en].filter(([key, text]) => !writesChinese(key) && cjk.test(text.replace(kept, ''))).map(([key]) => key);
    expect(stray).toEqual([]);
    expect(catalogue('en').pane.main.switchLanguage).toBe('中文');
  });
});

describe('fill', () => {
  it('replaces each placeholder by its value and keeps unknown ones', () => {
    expect(fill('{a} and {b}, {a} again; {c} stays', { a: 1, b: 'two' })).toBe('1 and two, 1 again; {c} stays');
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(fill('“{path}”应为对象（{ … }）', { path: 'weights' })).toBe('“weights”应为对象（{ … }）');
  });

  it('cuts a template at its placeholders', () => {
    expect(templateParts('经费使用率为{rate}，低于{low}。')).toEqual([
      { text: '经费使用率为' },
      { name: 'rate' },
      { text: '，低于' },
      { name: 'low' },
      { text: '。' },
    ]);
    expect(placeholders('{b}{a}{b}')).toEqual(['a', 'b']);
  });

  it('picks the plural form from the count in English and the one form in Chinese', () => {
    const forms = { one: '{n} project', other: '{n} projects' };
    expect(fillPlural(forms, 1, 'en', { n: 1 })).toBe('1 project');
    expect(fillPlural(forms, 0, 'en', { n: 0 })).toBe('0 projects');
    expect(fillPlural(forms, 2, 'en', { n: 2 })).toBe('2 projects');
    expect(fillPlural({ one: '一', other: '{n} 个' }, 1, 'zh', { n: 1 })).toBe('1 个');
  });
});
