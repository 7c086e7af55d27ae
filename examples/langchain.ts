/**
 * Retrieval-augmented answers with LangChain on Bedrock, deployed in Frankfurt (eu-central-1).
 */
import { BedrockEmbeddings, ChatBedrockConverse } from '@langchain/aws';

// A us. profile from eu-central-1; Claude Sonnet 4.5 is also Legacy.
export const chat = new ChatBedrockConverse({
  region: 'eu-central-1',
  model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  temperature: 0,
});

// Anthropic's own API name, ported from code that used the Anthropic SDK.
export const reviewer = new ChatBedrockConverse({
  region: 'eu-central-1',
  model: 'claude-sonnet-4-6',
});

// A version that never existed (v3 of Claude 3.5 Sonnet).
export const drafter = new ChatBedrockConverse({
  region: 'eu-central-1',
  model: 'anthropic.claude-3-5-sonnet-20241022-v3:0',
});

// Fine: Cohere Embed Multilingual works on demand in eu-central-1.
export const embeddings = new BedrockEmbeddings({
  region: 'eu-central-1',
  model: 'cohere.embed-multilingual-v3',
});
