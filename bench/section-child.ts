import { runSection, type SectionName, type SectionSizes } from './section.ts';

/** Started by bench/run.ts with `fork`: runs the section named in the first message, answers with its figures. */
process.once('message', (message: { name: SectionName; sizes: SectionSizes }) => {
  runSection(message.name, message.sizes).then(
    (figures) => process.send?.({ figures }, () => process.exit(0)),
    (err: unknown) => process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
  );
});
