import { checkFormDefinition } from '../../../server/src/forms-core';

const base = (components: unknown[]) => ({ id: 'f', type: 'default', components });
const messages = (form: unknown) => checkFormDefinition(form).map((p) => p.message);

describe('checkFormDefinition', () => {
  it('accepts FEEL-valued validation bounds, refuses broken ones naming the property, a bad increment and an unknown FEEL function', () => {
    const found = messages(base([
      { id: 'a', type: 'number', key: 'a', validate: { min: '=lowest', max: '=lowest +' }, increment: 'x' },
      { id: 'b', type: 'textfield', key: 'b', conditional: { hide: '=isDefined(a)' } },
      { id: 'c', type: 'textfield', key: 'c', conditional: { hide: '=is defined(a) and get or else(b, "") = ""' } },
    ]));
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/"a" at components\[0\]: validate\.max is not valid FEEL/),
      expect.stringContaining('increment must be a positive number'),
      expect.stringContaining("'isDefined()', not a FEEL function of Camunda 8.8"),
    ]));
    expect(found.join()).not.toMatch(/must be a number|validate\.min|is defined\(|get or else/);
  });

  it('accepts a clean form with every supported component', () => {
    expect(checkFormDefinition(base([
      { id: 'a', type: 'textfield', key: 'a' }, { id: 'b', type: 'textarea', key: 'b' }, { id: 'c', type: 'number', key: 'c' },
      { id: 'd', type: 'checkbox', key: 'd' }, { id: 'e', type: 'checklist', key: 'e', values: [{ label: 'X', value: 'x' }] },
      { id: 'f', type: 'radio', key: 'f', valuesKey: 'choices' }, { id: 'g', type: 'select', key: 'g', valuesExpression: '=["a","b"]' },
      { id: 'h', type: 'taglist', key: 'h', values: [{ label: 'Y', value: 'y' }] }, { id: 'i', type: 'datetime', subtype: 'time', key: 'i' },
      { id: 'j', type: 'group', path: 'grp', components: [{ id: 'k', type: 'textfield', key: 'k' }] },
      { id: 'l', type: 'dynamiclist', path: 'rows', isRepeating: true, components: [{ id: 'm', type: 'textfield', key: 'a' }] },
      { id: 'n', type: 'text', text: 'hi' }, { id: 'o', type: 'separator' },
    ]))).toEqual([]);
  });

  it('refuses input that is not a form', () => {
    expect(messages('nope')).toEqual(['The form must be a JSON object']);
    expect(messages({ components: [] })).toEqual([expect.stringMatching(/^The form needs an id: a user task names its form by it/)]);
    expect(messages({ id: 'x' })).toEqual(['The form needs a components array']);
  });

  it('names the component, its id and JSON path for an unknown type', () => {
    const problems = checkFormDefinition(base([{ id: 'g', type: 'group', components: [{ id: 'Field_9', type: 'range', key: 'x' }] }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'components[0].components[0]', componentId: 'Field_9' });
    expect(problems[0].message).toMatch(/^range "Field_9" at components\[0\]\.components\[0\]: unknown component type "range"/);
  });

  it('accepts a spacer, button, html, iframe, filepicker and documentPreview as form-js writes them', () => {
    expect(messages(base([
      { id: 'B1', type: 'button', action: 'submit' }, { id: 'H1', type: 'html', content: '<b>x</b>' }, { id: 'S1', type: 'spacer', height: 30 },
      { id: 'I1', type: 'iframe', url: 'https://example.org' }, { id: 'F1', type: 'filepicker', key: 'file', accept: '.pdf,image/*', multiple: true },
      { id: 'F2', type: 'filepicker', key: 'file2', accept: '=formats', multiple: '=several' }, { id: 'D1', type: 'documentPreview', title: 'Letters', dataSource: '=file' },
    ]))).toEqual([]);
  });

  it('says what to change in a filepicker or documentPreview', () => {
    expect(messages(base([
      { id: 'F1', type: 'filepicker', key: 'file', multiple: 'yes' }, { id: 'F2', type: 'filepicker', key: 'file2', accept: 3 },
      { id: 'D1', type: 'documentPreview' }, { id: 'D2', type: 'documentPreview', dataSource: 'letters' },
    ]))).toEqual([
      expect.stringMatching(/"F1" at components\[0\]: multiple must be a FEEL expression starting with "="/),
      expect.stringMatching(/"F2" at components\[1\]: accept must be a list of file types/),
      expect.stringMatching(/"D1" at components\[2\]: needs a dataSource: a FEEL expression naming the documents/),
      expect.stringMatching(/"D2" at components\[3\]: dataSource must be a FEEL expression starting with "="/),
    ]);
  });

  it('takes an iframe with an https address, a template, FEEL or none, and refuses another scheme', () => {
    const iframes = ['https://bpmn.io/', 'https://{{url}}', '=url + domain', undefined].map((url, i) => ({ id: `I${i}`, type: 'iframe', label: 'Page', ...(url === undefined ? {} : { url }) }));
    expect(messages(base(iframes))).toEqual([]);
    expect(messages(base([{ id: 'h', type: 'iframe', url: 'http://bpmn.io/' }, { id: 'j', type: 'iframe', url: 'javascript:alert(1)' }]))).toEqual([
      expect.stringMatching(/"h" at components\[0\]: url must be a web address starting https:\/\//),
      expect.stringMatching(/"j" at components\[1\]: url must be a web address starting https:\/\//),
    ]);
  });

  it('takes form-js multipage forms: pages hold fields as a group without a path does', () => {
    const form = base([{ id: 'm', type: 'multipage', components: [
      { id: 'p1', type: 'page', label: 'First', components: [{ id: 'a', type: 'textfield', key: 'name' }] },
      { id: 'p2', type: 'page', label: 'Second', components: [{ id: 'b', type: 'textfield', key: 'name' }] },
    ] }]);
    expect(messages(form)).toEqual(['textfield "b" at components[0].components[1].components[0]: duplicate key "name"']);
  });

  it('takes an image with no source or one it does not load (a relative name, another site), as form-js does', () => {
    for (const source of [undefined, 'logo', 'https://', 'https://bpmn.io/logo.png']) {
      expect(messages(base([{ id: 'i', type: 'image', alt: 'Logo', ...(source === undefined ? {} : { source }) }]))).toEqual([]);
    }
  });

  it('finds duplicate keys, including across groups without a path and keys nested in an input', () => {
    expect(messages(base([
      { id: 'a', type: 'textfield', key: 'name' },
      { id: 'g', type: 'group', components: [{ id: 'b', type: 'textfield', key: 'name' }] },
      { id: 'c', type: 'textfield', key: 'name.first' },
    ]))).toEqual(['textfield "b" at components[1].components[0]: duplicate key "name"', 'textfield "c" at components[2]: duplicate key "name.first"']);
  });

  it('allows the same key inside and outside a dynamic list, but not twice in a row', () => {
    expect(messages(base([
      { id: 'a', type: 'textfield', key: 'name' },
      { id: 'l', type: 'dynamiclist', path: 'rows', components: [{ id: 'b', type: 'textfield', key: 'name' }, { id: 'c', type: 'number', key: 'name' }] },
    ]))).toEqual(['number "c" at components[1].components[1]: duplicate key "rows[].name"']);
  });

  it('reports bad regex, missing options, missing key and bad bounds', () => {
    expect(messages(base([
      { id: 'a', type: 'textfield', key: 'a', validate: { pattern: '([a-z' } },
      { id: 'b', type: 'select', key: 'b', validate: { required: true } },
      { id: 'c', type: 'radio', key: 'c', values: [{ label: 'x', value: 'x' }, { label: 'x', value: 'x' }] },
      { id: 'd', type: 'number', validate: { min: 5, max: 1 } },
      { id: 'e', type: 'datetime', key: 'e', properties: { minDate: 'last week' } },
      { id: 'f', type: 'dynamiclist', components: [] },
    ]))).toEqual([
      expect.stringMatching(/^textfield "a" at components\[0\]: validate.pattern is not a valid regular expression/),
      'select "b" at components[1]: is required but has no options, so it could never be answered (give values, valuesKey or valuesExpression)',
      'radio "c" at components[2]: option value "x" appears twice',
      'number "d" at components[3]: needs a key',
      'number "d" at components[3]: validate.min is greater than validate.max',
      'datetime "e" at components[4]: property minDate must be a date (YYYY-MM-DD) or "today"',
      'dynamiclist "f" at components[5]: needs a path',
    ]);
  });

  it('accepts a choice with no options unless it is required, as form-js renders one', () => {
    expect(messages(base([{ id: 's', type: 'select', key: 's' }, { id: 'r', type: 'radio', key: 'r', values: [] }]))).toEqual([]);
    expect(messages(base([{ id: 'r', type: 'radio', key: 'r', values: [], validate: { required: true } }]))).toEqual([expect.stringMatching(/"r" at components\[0\]: is required but has no options/)]);
  });

  it('reports FEEL syntax errors in conditions and names reserved engine variables', () => {
    expect(messages(base([
      { id: 'a', type: 'textfield', key: 'a', conditional: { hide: '=x = ' } },
      { id: 'b', type: 'textfield', key: 'content' },
      { id: 'c', type: 'textfield', key: 'bad-key' },
    ]))).toEqual([
      expect.stringMatching(/^textfield "a" at components\[0\]: conditional.hide is not valid FEEL/),
      'textfield "b" at components[1]: key "content" is reserved by the engine',
      'textfield "c" at components[2]: key "bad-key" must be dot-separated names (letters, digits, _)',
    ]);
  });

  it('requires string custom properties (form-js stores them as strings)', () => {
    expect(messages(base([{ id: 'a', type: 'textfield', key: 'a', properties: { section: 'health', sensitivity: 3 } }])))
      .toEqual(['textfield "a" at components[0]: property "sensitivity" must be a string']);
  });

  it('checks sections against the case-record sections when given', () => {
    const form = base([{ id: 'a', type: 'textfield', key: 'a', properties: { section: 'helth' } }, { id: 'b', type: 'textfield', key: 'b', properties: { section: 'health' } }]);
    expect(messages(form)).toEqual([]);
    expect(checkFormDefinition(form, { sections: ['personal', 'health'] }).map((p) => p.message))
      .toEqual(['textfield "a" at components[0]: property section "helth" is not a case-record section (personal, health)']);
  });

  it('refuses a group stored as one value whose fields name different sections; collections and one-section groups pass', () => {
    const mixed = base([{ id: 'g', type: 'group', path: 'visit', components: [
      { id: 'a', type: 'textfield', key: 'place', properties: { section: 'plans' } },
      { id: 'b', type: 'textarea', key: 'symptoms', properties: { section: 'health' } },
      { id: 'c', type: 'textfield', key: 'notes' },
    ] }]);
    expect(messages(mixed)).toEqual([
      '"visit" is stored as one value, but its fields name different case-record sections (health, none, plans): give the group one section, or move the fields out of it',
    ]);
    const oneSection = base([{ id: 'g', type: 'group', path: 'visit', properties: { section: 'plans' }, components: [
      { id: 'a', type: 'textfield', key: 'place' }, { id: 'b', type: 'textfield', key: 'with', properties: { section: 'plans' } },
    ] }]);
    expect(messages(oneSection)).toEqual([]);
    const collection = base([{ id: 'g', type: 'group', path: 'victim', properties: { section: 'victims', collection: 'victims' }, components: [
      { id: 'a', type: 'textfield', key: 'name', properties: { section: 'victims', sensitivity: 'restricted' } },
    ] }, { id: 'x', type: 'textfield', key: 'caseNote', properties: { section: 'plans' } }]);
    expect(messages(collection)).toEqual([]);
  });
});

describe('checkFormDefinition: templates, html, image, expression, table and button', () => {
  it('accepts each as form-js writes it', () => {
    expect(messages(base([
      { id: 'n', type: 'textfield', key: 'name', label: 'Name of {{ child.name }}', description: 'Hint for {{ name }}' },
      { id: 't', type: 'text', text: '{{#loop items}}- {{this.name}}\n{{/loop}}' },
      { id: 'h', type: 'html', content: '<p>{{ name }}</p><img src="/logo.png" alt="Logo">' },
      { id: 'i', type: 'image', source: '=logoUri', alt: 'Logo' },
      { id: 'w', type: 'image', source: 'https://camunda.com/logo.svg', alt: 'Camunda logo' }, // deploys; shown as its alt text
      { id: 'e', type: 'expression', key: 'total', expression: '=a + b', computeOn: 'presubmit' },
      { id: 'tb', type: 'table', label: 'Rows', columnsExpression: '=cols', dataSource: '=rows', rowCount: 10 },
      { id: 'b', type: 'button', label: 'Reset', action: 'reset' },
    ]))).toEqual([]);
  });

  it('refuses what would not work or not be accessible, saying what to change', () => {
    expect(messages(base([
      { id: 'n', type: 'textfield', key: 'name', label: 'Name of {{ isDefined(x) }}' },
      { id: 'h', type: 'html', content: '<img src="/logo.png">' },
      { id: 'i1', type: 'image', source: 'data:image/png;base64,AA==' },
      { id: 'i2', type: 'image', source: 'javascript:alert(1)', alt: 'Pixel' },
      { id: 'e1', type: 'expression', key: 'total', expression: 'a + b' },
      { id: 'e2', type: 'expression', key: 'other', expression: '=a', computeOn: 'blur' },
      { id: 'l', type: 'dynamiclist', path: 'rows', components: [{ id: 'e3', type: 'expression', key: 'x', expression: '=1' }] },
      { id: 'tb', type: 'table', columns: [{ key: 'a' }], rowCount: 0 },
      { id: 'b', type: 'button', action: 'delete' },
    ]))).toEqual([
      expect.stringMatching(/"n" at components\[0\]: label is not a valid template \(\{\{ isDefined\(x\) \}\} calls 'isDefined\(\)'/),
      expect.stringMatching(/"h" at components\[1\]: every <img> in content needs an alt attribute/),
      expect.stringMatching(/"i1" at components\[2\]: needs alternative text \(alt\)/),
      expect.stringMatching(/"i2" at components\[3\]: source must be a data:image URI, a path on this site \(\/…\) or a web address/),
      expect.stringMatching(/"e1" at components\[4\]: expression must be a FEEL expression starting with "="/),
      expect.stringMatching(/"e2" at components\[5\]: computeOn must be "change" or "presubmit", not "blur"/),
      expect.stringMatching(/"e3" at components\[6\]\.components\[0\]: an expression inside a dynamic list is not supported/),
      expect.stringMatching(/"tb" at components\[7\]: needs columns/),
      expect.stringMatching(/"tb" at components\[7\]: needs a dataSource/),
      expect.stringMatching(/"tb" at components\[7\]: rowCount must be a whole number above 0/),
      expect.stringMatching(/"b" at components\[8\]: action must be "submit" or "reset", not "delete"/),
    ]);
  });

  it('refuses an expression filed in another section than a field it reads, and accepts one in the same section', () => {
    const form = (exprSection?: string) => base([
      { id: 'need', type: 'textfield', key: 'healthNeed', label: 'Health need', properties: { section: 'health' } },
      { id: 'g', type: 'group', path: 'summary', components: [
        { id: 'copy', type: 'expression', key: 'need', expression: '=healthNeed', ...(exprSection ? { properties: { section: exprSection } } : {}) },
      ] },
      { id: 'flag', type: 'expression', key: 'isDto', expression: '=order.type = "dto"', properties: { section: 'plans' } },
    ]);
    expect(messages(form('plans'))).toEqual([expect.stringMatching(/expression "summary\.need" is filed under section plans but reads "healthNeed" \(section health\)/)]);
    expect(messages(form())).toEqual([expect.stringMatching(/expression "summary\.need" is filed under section none but reads "healthNeed" \(section health\)/)]);
    expect(messages(form('health'))).toEqual([]);
  });

  it('refuses an image path that a browser reads as another site (/\\host or //host)', () => {
    for (const source of ['/\\evil.example/x.png', '//evil.example/x.png']) {
      expect(messages(base([{ id: 'i', type: 'image', source, alt: 'Logo' }]))).toEqual([expect.stringMatching(/"i" at components\[0\]: source must be a data:image URI, a path on this site/)]);
    }
    expect(messages(base([{ id: 'i', type: 'image', source: '/assets/logo.png', alt: 'Logo' }]))).toEqual([]);
  });
});
