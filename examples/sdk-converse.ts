/**
 * Ticket summarizer on the AWS SDK v3 Converse API, deployed in Ireland (eu-west-1).
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'eu-west-1' });

// No on-demand throughput for Claude Sonnet 4.6 in eu-west-1: needs the eu. inference profile.
const SUMMARY_MODEL = 'anthropic.claude-sonnet-4-6';
// A us. profile cannot be called from eu-west-1.
const TRIAGE_MODEL = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
// Fine: Nova Lite through its EU profile.
const FALLBACK_MODEL = 'eu.amazon.nova-lite-v1:0';

// Keys of a price table are not invocations: not reported.
export const USD_PER_MILLION_INPUT_TOKENS: Record<string, number> = {
  'anthropic.claude-sonnet-4-6': 3,
  'anthropic.claude-haiku-4-5-20251001-v1:0': 1,
};

async function converse(modelId: string, text: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: 'user', content: [{ text }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0 },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? '';
}

export async function summarize(ticket: string): Promise<string> {
  const label = await converse(TRIAGE_MODEL, `Label this ticket as bug, question or request:\n${ticket}`);
  try {
    return await converse(SUMMARY_MODEL, `Summarize this ${label} in two sentences:\n${ticket}`);
  } catch {
    return converse(FALLBACK_MODEL, `Summarize in two sentences:\n${ticket}`);
  }
}
