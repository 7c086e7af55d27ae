/**
 * Chat endpoint of a Tokyo deployment, with the Vercel AI SDK's Amazon Bedrock provider.
 */
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { generateText } from 'ai';

const bedrock = createAmazonBedrock({ region: 'ap-northeast-1' });

// Claude Haiku 4.5 cannot be invoked on demand by its bare ID.
const fast = bedrock('anthropic.claude-haiku-4-5-20251001-v1:0');
// Claude Sonnet 4.6 has no apac. profile; from Tokyo the geography is jp.
const smart = bedrock('apac.anthropic.claude-sonnet-4-6');
// Fine: Nova Pro has an apac. profile callable from ap-northeast-1.
const cheap = bedrock('apac.amazon.nova-pro-v1:0');
// A dotted version: Bedrock IDs use dashes.
const experimental = bedrock('anthropic.claude-sonnet-4.5');

export async function answer(question: string, tier: 'fast' | 'smart' | 'cheap' | 'experimental') {
  const model = { fast, smart, cheap, experimental }[tier];
  const { text } = await generateText({ model, prompt: question, maxOutputTokens: 400 });
  return text;
}
