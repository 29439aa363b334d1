import { describe, expect, it } from 'vitest';
import { scoreScreening } from './engine.ts';
import {
  answerSystem,
  parseQuestionnaireResponse,
  questionnaireUrl,
  scoreQuestionnaireResponse,
  screeningDateOf,
  toQuestionnaire,
  toQuestionnaireResponse,
  type FhirQuestionnaire,
} from './fhir.ts';
import type { AnswerInput } from './model.ts';
import { createInstrumentRegistry } from './registry.ts';
import { badInput, bornAged, sdqInput, sdqSymptoms, who5Input } from './test-support.ts';

const registry = createInstrumentRegistry();
const BASE = 'https://pathway-graph.example/fhir';

/** A response as a form renderer fills it in from the Questionnaire: one valueCoding per answered item. */
function fill(questionnaire: FhirQuestionnaire, answers: readonly AnswerInput[]) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaire.url,
    status: 'completed',
    authored: '2025-03-01T10:15:00+01:00',
    subject: { reference: 'Patient/synthetic' },
    item: answers.map((a) => {
      const q = questionnaire.item.find((i) => i.linkId === a.item)!;
      const option = q.answerOption.find((o) => o.valueCoding.extension![0]!.valueDecimal === a.value)!;
      return { linkId: a.item, answer: [{ valueCoding: { system: option.valueCoding.system, code: option.valueCoding.code } }] };
    }),
  };
}

describe('Questionnaire per instrument version', () => {
  it.each([
    ['who5', '1998', 5],
    ['sdq', 'P2-4', 33],
    ['sdq', 'P4-17', 33],
    ['sdq', 'T2-4', 31],
    ['sdq', 'T4-17', 31],
    ['sdq', 'S11-17', 33],
  ])('publishes %s %s with %i items', (instrumentId, versionId, count) => {
    const q = toQuestionnaire(registry, instrumentId, versionId);
    expect(q).toMatchObject({ resourceType: 'Questionnaire', id: `${instrumentId}-${versionId}`, url: `${BASE}/Questionnaire/${instrumentId}-${versionId}`, status: 'active' });
    expect(q.item).toHaveLength(count);
    expect(new Set(q.item.map((i) => i.linkId)).size).toBe(count);
  });

  it('ships the WHO-5 item texts in Danish and English, all required, with the answer scale 0-5', () => {
    const da = toQuestionnaire(registry, 'who5', '1998', { language: 'da' });
    expect(da.item[0]).toMatchObject({ linkId: 'item1', text: 'I de sidste 2 uger har jeg været glad og i godt humør', required: true, type: 'choice' });
    expect(da.item[0]!.answerOption.map((o) => o.valueCoding.display)).toEqual([
      'På intet tidspunkt',
      'Lidt af tiden',
      'Lidt mindre end halvdelen af tiden',
      'Lidt mere end halvdelen af tiden',
      'Det meste af tiden',
      'Hele tiden',
    ]);
    const en = toQuestionnaire(registry, 'who5', '1998', { language: 'en' });
    expect(en.item.map((i) => i.text)[3]).toBe('I woke up feeling fresh and rested');
    expect(en.copyright).toContain('CC BY-NC-SA 3.0 IGO');
    expect(en.useContext[0]!.valueRange).toEqual({ low: { value: 9, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } });
  });

  it('publishes no SDQ item texts: the item number is the placeholder text', () => {
    const q = toQuestionnaire(registry, 'sdq', 'P4-17');
    expect(q.item[6]).toMatchObject({ linkId: 'item7', prefix: '7.', text: 'SDQ item 7', required: false });
    expect(q.item.find((i) => i.linkId === 'impactHome')!.text).toBe('SDQ: interferes with home life');
    expect(q.copyright).toContain('youthinmind');
  });

  it('makes each impact question depend on "any difficulties?" being answered yes', () => {
    const q = toQuestionnaire(registry, 'sdq', 'T4-17');
    const distress = q.item.find((i) => i.linkId === 'impactDistress')!;
    expect(distress.enableBehavior).toBe('any');
    expect(distress.enableWhen!.map((e) => [e.question, e.operator, e.answerCoding.code])).toEqual([
      ['difficulties', '=', 'yes-minor'],
      ['difficulties', '=', 'yes-definite'],
      ['difficulties', '=', 'yes-severe'],
    ]);
    expect(q.item.find((i) => i.linkId === 'difficulties')!.enableWhen).toBeUndefined();
    expect(q.item.some((i) => i.linkId === 'impactHome')).toBe(false);
  });

  it('uses licensed item texts once a deployment has loaded them', () => {
    const licensed = createInstrumentRegistry({
      licensedTexts: [{ instrument: 'sdq', language: 'en', licence: { holder: 'youthinmind', reference: 'TEST-0001' }, items: { 'P4-17': { item7: 'Licensed text of item 7 (test fixture)' } } }],
    });
    const q = toQuestionnaire(licensed, 'sdq', 'P4-17');
    expect(q.item[6]!.text).toBe('Licensed text of item 7 (test fixture)');
    expect(q.item[5]!.text).toBe('SDQ item 6');
    expect(q.copyright).toContain('Item texts (en) used under licence from youthinmind (TEST-0001).');
  });
});

describe('QuestionnaireResponse round trip', () => {
  const sdqAnswers: AnswerInput[] = [
    ...sdqSymptoms({ emotional: 6, conduct: 3, hyperactivity: 8, peer: 4, prosocial: 5 }).filter((a) => a.item !== 'item24'),
    { item: 'difficulties', value: 2 },
    { item: 'impactDistress', value: 3 },
    { item: 'impactHome', value: 2 },
    { item: 'burden', value: 1 },
  ];

  it.each([
    ['who5', '1998', who5Input([3, 1, 4, 2, 5]).answers, 12],
    ['sdq', 'P4-17', sdqAnswers, 9],
    ['sdq', 'T2-4', sdqSymptoms({ conduct: 5 }), 3],
    ['sdq', 'S11-17', sdqAnswers, 15],
  ] as const)('a response to %s %s parses to the same answers and scores', (instrumentId, versionId, answers, age) => {
    const response = fill(toQuestionnaire(registry, instrumentId, versionId), answers);
    const parsed = parseQuestionnaireResponse(registry, response);
    expect(parsed).toMatchObject({ instrumentId, versionId });
    expect(parsed.answers).toEqual(answers);
    const direct = scoreScreening(registry, { instrumentId, versionId, informant: parsed.informant, birthDate: bornAged(age), screeningDate: '2025-03-01', answers });
    const viaFhir = scoreQuestionnaireResponse(registry, response, { birthDate: bornAged(age) });
    expect(viaFhir).toEqual(direct);
  });

  it('returns a result as a response with the scores in extensions, and that response parses back to the same answers', () => {
    const result = scoreScreening(registry, sdqInput('P4-17', sdqAnswers, 9));
    const out = toQuestionnaireResponse(registry, result);
    expect(out.questionnaire).toBe(`${BASE}/Questionnaire/sdq-P4-17|2025.1`);
    expect(out.item.find((i) => i.linkId === 'item7')!.answer[0]!.valueCoding).toEqual({ system: `${BASE}/CodeSystem/sdq-truth`, code: 'somewhat-true', display: 'Somewhat true' });
    const scoreExtensions = out.extension.filter((e) => e.url === `${BASE}/StructureDefinition/screening-score`);
    expect(scoreExtensions).toHaveLength(result.scores.length);
    const emotional = scoreExtensions.find((e) => e.extension![0]!.valueCode === 'emotional')!.extension!;
    expect(emotional).toEqual([
      { url: 'score', valueCode: 'emotional' },
      { url: 'value', valueInteger: 8 }, // item 24 left out: 6 points over 4 items, 7.5, rounded up
      { url: 'prorated', valueCode: 'true' },
      { url: 'band', valueCoding: { system: `${BASE}/CodeSystem/sdq-uk-4band`, code: 'very-high', display: 'Very high' } },
    ]);
    const total = scoreExtensions.find((e) => e.extension![0]!.valueCode === 'total')!.extension!;
    expect(total.find((e) => e.url === 'value')).toEqual({ url: 'value', valueInteger: 23 }); // 8 + 3 + 8 + 4
    const back = parseQuestionnaireResponse(registry, out);
    expect(back.answers).toEqual(result.answers);
    expect(scoreQuestionnaireResponse(registry, out, { birthDate: bornAged(9) }).scores).toEqual(result.scores);
  });

  it('ignores scores a client puts in the response: the server recomputes them', () => {
    const result = scoreScreening(registry, who5Input([1, 1, 1, 1, 1]));
    const out = toQuestionnaireResponse(registry, result);
    const forged = JSON.parse(JSON.stringify(out).replaceAll('"valueInteger":20', '"valueInteger":100'));
    expect(scoreQuestionnaireResponse(registry, forged, { birthDate: bornAged(12) }).scores.find((s) => s.id === 'percentage')!.value).toBe(20);
  });

  it('takes the screening date from authored, as a Danish calendar date', () => {
    expect(screeningDateOf('2025-03-01')).toBe('2025-03-01');
    expect(screeningDateOf('2025-02-28T23:30:00Z')).toBe('2025-03-01');
    expect(screeningDateOf(null)).toBeNull();
    expect(screeningDateOf('soon')).toBeNull();
  });
});

describe('a malformed QuestionnaireResponse is refused, naming the element', () => {
  const who5 = toQuestionnaire(registry, 'who5', '1998');
  const good = () => fill(who5, who5Input([3, 3, 3, 3, 3]).answers);
  const refused = (json: unknown) => badInput(() => parseQuestionnaireResponse(registry, json));

  it('refuses what is not a QuestionnaireResponse', () => {
    expect(refused('{}').extensions['field']).toBe('QuestionnaireResponse');
    expect(refused({ ...good(), resourceType: 'Observation' }).extensions['field']).toBe('QuestionnaireResponse.resourceType');
  });

  it('refuses a response to a Questionnaire this service does not publish', () => {
    const error = refused({ ...good(), questionnaire: 'http://example.org/Questionnaire/phq9' });
    expect(error.extensions['field']).toBe('QuestionnaireResponse.questionnaire');
    expect(error.message).toContain('is not a Questionnaire this service publishes');
  });

  it('accepts the canonical with a version suffix', () => {
    expect(parseQuestionnaireResponse(registry, { ...good(), questionnaire: `${questionnaireUrl('who5', '1998')}|2025.1` }).versionId).toBe('1998');
  });

  it('refuses an unfinished response', () => {
    const error = refused({ ...good(), status: 'in-progress' });
    expect(error.extensions['field']).toBe('QuestionnaireResponse.status');
    expect(error.message).toContain('only a completed (or amended) response is scored');
  });

  it('refuses an unknown linkId', () => {
    const response = good();
    response.item[2]!.linkId = 'item9';
    const error = refused(response);
    expect(error.extensions['fields']).toEqual(['QuestionnaireResponse.item[2].linkId', "QuestionnaireResponse.item.where(linkId='item3')"]);
    expect(error.extensions['reasons']).toEqual(['UNKNOWN_ITEM', 'MISSING_REQUIRED_ITEM']);
  });

  it('refuses an answer code the item does not offer, and no other problem for that item', () => {
    const response = good();
    response.item[1]!.answer[0]!.valueCoding.code = 'always';
    const error = refused(response);
    expect(error.extensions['fields']).toEqual(['QuestionnaireResponse.item[1].answer[0].valueCoding.code']);
    expect(error.message).toContain('"always" is not an answer to item2; use one of at-no-time, some-of-the-time');
  });

  it('refuses an answer from another code system', () => {
    const response = good();
    response.item[0]!.answer[0]!.valueCoding.system = answerSystem('sdq', 'truth');
    expect(refused(response).extensions['field']).toBe('QuestionnaireResponse.item[0].answer[0].valueCoding.system');
  });

  it('refuses an item with no answer, two answers, or an answer that is not a coding', () => {
    const none = good();
    (none.item[0] as { answer: unknown[] }).answer = [];
    expect(refused(none).extensions['field']).toBe('QuestionnaireResponse.item[0].answer');
    const two = good();
    two.item[0]!.answer.push(two.item[1]!.answer[0]!);
    expect(refused(two).message).toContain('item1 takes one answer, and 2 are given');
    const integer = good();
    (integer.item[4] as { answer: unknown[] }).answer = [{ valueInteger: 3 }];
    expect(refused(integer).extensions['field']).toBe('QuestionnaireResponse.item[4].answer[0]');
  });

  it('refuses an element of the wrong type, naming its path', () => {
    const response = good();
    (response.item[3] as { linkId: unknown }).linkId = 4;
    expect(refused(response).extensions['field']).toBe('QuestionnaireResponse.item[3].linkId');
  });

  it('refuses an item answered twice and a required item left out, naming both', () => {
    const response = good();
    response.item[4] = { ...response.item[0]! };
    const error = refused(response);
    expect(error.extensions['fields']).toEqual(['QuestionnaireResponse.item[4]', "QuestionnaireResponse.item.where(linkId='item5')"]);
    expect(error.extensions['reasons']).toEqual(['DUPLICATE_ITEM', 'MISSING_REQUIRED_ITEM']);
  });

  it('refuses an SDQ impact answer when "any difficulties?" is no, pointing at both items', () => {
    const sdq = toQuestionnaire(registry, 'sdq', 'P4-17');
    const response = fill(sdq, [...sdqSymptoms({}), { item: 'difficulties', value: 0 }, { item: 'impactLeisure', value: 3 }]);
    const error = refused(response);
    expect(error.extensions).toMatchObject({ field: 'QuestionnaireResponse.item[26]', reasons: ['ITEM_NOT_ENABLED'] });
    expect(error.message).toContain('applies only when QuestionnaireResponse.item[25] is 1 (Yes, minor difficulties)');
  });

  it('refuses a response with no answered item', () => {
    const error = refused({ ...good(), item: [] });
    expect(error.extensions['fields']).toEqual([
      'QuestionnaireResponse.item',
      ...[1, 2, 3, 4, 5].map((n) => `QuestionnaireResponse.item.where(linkId='item${n}')`),
    ]);
  });

  it('reports only the broken element when the only answer is malformed', () => {
    const sdq = toQuestionnaire(registry, 'sdq', 'P4-17');
    const response = fill(sdq, [{ item: 'item1', value: 1 }]);
    response.item[0]!.answer[0]!.valueCoding.code = 'maybe';
    expect(refused(response).extensions['fields']).toEqual(['QuestionnaireResponse.item[0].answer[0].valueCoding.code']);
  });

  it('asks for the screening date when the response has none and none is given', () => {
    const { authored: _authored, ...undated } = good();
    const error = badInput(() => scoreQuestionnaireResponse(registry, undated, { birthDate: bornAged(12) }));
    expect(error.extensions['field']).toBe('QuestionnaireResponse.authored');
    expect(scoreQuestionnaireResponse(registry, undated, { birthDate: bornAged(12), screeningDate: '2025-03-01' }).screeningDate).toBe('2025-03-01');
  });
});
