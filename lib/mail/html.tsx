import { Body, Container, Head, Heading, Hr, Html, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import type { CSSProperties, ReactNode } from 'react';
import type { Item, LetterDoc } from './letter';

/**
 * A letter as HTML mail (React Email): the organisation's name as letterhead, the letter, and the contact line as
 * footer. Made from the same structure as the text (lib/mail/letter.ts), so both say the same. Plain on purpose:
 * one readable column, no images, system fonts, enough contrast; every text goes through React, so whatever a client
 * wrote is escaped and stays text.
 */

const INK = '#1c1a17';
const MUTED = '#57534e';
const BRAND = '#134636';
const RULE = '#d6d3d1';

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const s = {
  body: { backgroundColor: '#f5f5f4', margin: 0, padding: '24px 0', fontFamily: font, color: INK },
  page: { maxWidth: '600px', backgroundColor: '#ffffff', border: `1px solid ${RULE}`, borderRadius: '6px', padding: '0 32px' },
  letterhead: { borderBottom: `3px solid ${BRAND}`, padding: '24px 0 12px' },
  organisation: { margin: 0, fontSize: '20px', lineHeight: '28px', fontWeight: 700, color: BRAND },
  text: { margin: '0 0 16px', fontSize: '16px', lineHeight: '24px', color: INK },
  heading: { margin: '24px 0 8px', fontSize: '17px', lineHeight: '24px', fontWeight: 700, color: INK },
  quote: { margin: '0 0 16px', padding: '8px 14px', borderLeft: `4px solid ${RULE}`, backgroundColor: '#fafaf9' },
  quoteText: { margin: 0, fontSize: '16px', lineHeight: '24px', color: INK, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  list: { margin: '0 0 16px', paddingLeft: '22px', fontSize: '16px', lineHeight: '24px', color: INK },
  listItem: { margin: '0 0 4px' },
  footer: { margin: '0 0 24px', fontSize: '13px', lineHeight: '20px', color: MUTED },
} satisfies Record<string, CSSProperties>;

const wrap: CSSProperties = { overflowWrap: 'anywhere', wordBreak: 'break-word' };

/** A text with its line breaks kept (a signature, a multi-line finding). */
function Lines({ text }: { text: string }) {
  const parts = text.split('\n');
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 ? <br /> : null}
    </span>
  ));
}

/** The body's items grouped into paragraphs, lists, quotations and headings, in their order. */
export function blocksOf(items: readonly Item[]): ({ kind: 'p'; lines: { text: string; label: boolean }[] } | { kind: 'ul'; items: string[] } | { kind: 'quote'; text: string } | { kind: 'h'; text: string })[] {
  const blocks: ReturnType<typeof blocksOf> = [];
  items.forEach((item, i) => {
    const last = blocks.at(-1);
    const next = items[i + 1];
    if (item.t === 'gap') {
      blocks.push({ kind: 'p', lines: [] });
    } else if (item.t === 'heading') {
      blocks.push({ kind: 'h', text: item.text });
    } else if (item.t === 'quote') {
      blocks.push({ kind: 'quote', text: item.text });
    } else if (item.t === 'item') {
      if (last?.kind === 'ul') last.items.push(item.text);
      else blocks.push({ kind: 'ul', items: [item.text] });
    } else {
      // A line ending in a colon that something follows is the label of what follows ("Onze vraag:").
      const label = item.text.endsWith(':') && !item.text.includes('\n') && next !== undefined && next.t !== 'gap' && next.t !== 'heading';
      if (last?.kind === 'p' && last.lines.length > 0 && !label && !last.lines.at(-1)!.label) last.lines.push({ text: item.text, label });
      else blocks.push({ kind: 'p', lines: [{ text: item.text, label }] });
    }
  });
  return blocks.filter((b) => b.kind !== 'p' || b.lines.length > 0);
}

function Block({ block }: { block: ReturnType<typeof blocksOf>[number] }): ReactNode {
  switch (block.kind) {
    case 'h':
      return (
        <Heading as="h2" style={{ ...s.heading, ...wrap }}>
          {block.text}
        </Heading>
      );
    case 'quote':
      return (
        <Section style={s.quote}>
          <Text style={s.quoteText} dir="auto">
            {block.text}
          </Text>
        </Section>
      );
    case 'ul':
      return (
        <ul style={{ ...s.list, ...wrap }}>
          {block.items.map((text, i) => (
            <li key={i} style={s.listItem}>
              <Lines text={text} />
            </li>
          ))}
        </ul>
      );
    default: {
      const label = block.lines.length === 1 && block.lines[0]!.label;
      return (
        <Text style={{ ...s.text, ...wrap, ...(label ? { margin: '0 0 6px', fontWeight: 700 } : {}) }}>
          {block.lines.map((line, i) => (
            <span key={i}>
              <Lines text={line.text} />
              {i < block.lines.length - 1 ? <br /> : null}
            </span>
          ))}
        </Text>
      );
    }
  }
}

export function LetterEmail({ doc, subject }: { doc: LetterDoc; subject: string }) {
  return (
    <Html lang={doc.lang} dir="ltr">
      <Head>
        <title>{subject}</title>
      </Head>
      <Body style={s.body}>
        <Container style={s.page}>
          <Section style={s.letterhead}>
            <Text style={s.organisation}>{doc.organisation}</Text>
          </Section>
          <Section style={{ paddingTop: '24px' }}>
            {doc.greeting ? (
              <Text style={{ ...s.text, ...wrap }}>
                <Lines text={doc.greeting} />
              </Text>
            ) : null}
            {blocksOf(doc.body).map((block, i) => (
              <Block key={i} block={block} />
            ))}
            {doc.signature ? (
              <Text style={{ ...s.text, ...wrap, marginTop: '24px' }}>
                <Lines text={doc.signature} />
              </Text>
            ) : null}
          </Section>
          {doc.contact ? (
            <>
              <Hr style={{ borderColor: RULE, margin: '8px 0 16px' }} />
              <Text style={s.footer}>{doc.contact}</Text>
            </>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** The letter's HTML part. */
export function letterHtml(doc: LetterDoc, subject: string): Promise<string> {
  return render(<LetterEmail doc={doc} subject={subject} />);
}
