import { registerEnumType } from '@nestjs/graphql';
import { CheckName, MetBy, RecognitionOutcome, ShownRecognitionOutcome } from '@sandbridge/domain';

// The enums of recognition, registered once; files that use one import this file.

registerEnumType(RecognitionOutcome, {
  name: 'RecognitionOutcome',
  description: 'How a target criterion is met (docs/domain.md#recognition).',
});
registerEnumType(ShownRecognitionOutcome, {
  name: 'ShownRecognitionOutcome',
  description:
    'A RecognitionOutcome as the reader is shown it: WITHHELD when the reader may not read the result ' +
    'that decided it (a confidential report of another authority), with no result id, agreement, rule, ' +
    'checks or candidates from that result.',
});
registerEnumType(CheckName, {
  name: 'RecognitionCheckName',
  description: 'The checks of docs/domain.md#recognition, in evaluation order.',
});
registerEnumType(MetBy, {
  name: 'MetBy',
  description:
    'What made a criterion MET: the enrolment’s own result, or a result of the same system recognised ' +
    'through an agreement (programmes with acceptsRecognisedResults).',
});
